using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>
/// Turns Identity's verdicts into FluentValidation failures on the field they concern, in the UI
/// language (Identity's own descriptions are English only), so a form shows them under the field.
/// </summary>
public static class IdentityOutcome
{
    public static IEnumerable<ValidationFailure> ToFailures(
        IEnumerable<IdentityError> errors, IdentityOptions options, IStringLocalizer<SharedResource> localizer, string passwordProperty, string? userName = null) =>
        errors.Select(error => new ValidationFailure(PropertyOf(error.Code, passwordProperty), Describe(error, options, localizer, userName))
        {
            ErrorCode = error.Code,
        });

    /// <summary>Throws the failures of an unsuccessful result; the transaction around the change is then rolled back.</summary>
    public static void ThrowIfFailed(
        IdentityResult result, IdentityOptions options, IStringLocalizer<SharedResource> localizer, string passwordProperty, string? userName = null)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(ToFailures(result.Errors, options, localizer, passwordProperty, userName));
        }
    }

    /// <summary>
    /// Checks a password against every password validator Identity is configured with (length,
    /// digits…, from appsettings), with a user manager from a scope of its own so a long-lived
    /// circuit that holds this validator does not hold a database context.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string> SatisfiesIdentityPasswordRules<T>(
        this IRuleBuilder<T, string> rule, IServiceScopeFactory scopes, IStringLocalizer<SharedResource> localizer) =>
        rule.CustomAsync(async (password, context, _) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var candidate = new AppUser { UserName = "", DisplayName = "" };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, candidate, password ?? "");
                foreach (var error in result.Errors)
                {
                    context.AddFailure(new ValidationFailure(context.PropertyPath, Describe(error, users.Options, localizer, null)) { ErrorCode = error.Code });
                }
            }
        });

    private static string PropertyOf(string code, string passwordProperty) => code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => "UserName",
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordProperty,
        _ => "",
    };

    private static string Describe(IdentityError error, IdentityOptions options, IStringLocalizer<SharedResource> localizer, string? userName)
    {
        var argument = error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => options.Password.RequiredLength.ToString(CultureInfo.CurrentCulture),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => options.Password.RequiredUniqueChars.ToString(CultureInfo.CurrentCulture),
            _ => userName ?? "",
        };
        var text = localizer[$"Admin.Users.Identity.{error.Code}", argument];
        return text.ResourceNotFound ? error.Description : text.Value;
    }
}
