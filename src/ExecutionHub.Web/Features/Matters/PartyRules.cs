using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>The rules a party's personal data keeps wherever a party comes in (a registration's target, a case sent through the API).</summary>
public static class PartyRules
{
    /// <summary>
    /// A person's resident ID number with its check digit (GB 11643), an organisation's unified social credit code with its
    /// check character (GB 32100); empty passes (not every party's number is known).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> IdentityNumberFor<T>(this IRuleBuilder<T, string?> rule, Func<T, PartyKind> kindOf) =>
        rule.Must((x, number) => string.IsNullOrEmpty(number)
                || (kindOf(x) == PartyKind.Organisation ? IdentityNumbers.IsCreditCode(number) : IdentityNumbers.IsResidentId(number)))
            .WithMessage((x, _) => UiText.Get(kindOf(x) == PartyKind.Organisation ? "Validation.CreditCode" : "Validation.ResidentId"));
}
