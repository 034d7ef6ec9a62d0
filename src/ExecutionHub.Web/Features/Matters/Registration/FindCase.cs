using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>
/// Looks a case up by number for the registration form: its respondents (masked) to pick a target
/// from. Only cases the sender may refer from are found — a judge's court, a coordinator's street.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record FindCase(string CaseNumber) : IQuery<CaseLookup>;

public sealed class FindCaseValidator : AbstractValidator<FindCase>
{
    public FindCaseValidator() => RuleFor(x => x.CaseNumber).MaximumLength(ExecutionCase.MaxCaseNumberLength);
}

/// <param name="CaseId">The case found, for the form's audited reveal of a respondent (<c>RevealCaseParty</c>).</param>
public sealed record CaseLookup(bool Found, bool WellFormed, string? Cause, decimal? AmountOwed, IReadOnlyList<PartyView> Respondents, int? CaseId = null);

public sealed class FindCaseHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<FindCase, CaseLookup>
{
    public async ValueTask<CaseLookup> Handle(FindCase query, CancellationToken cancellationToken)
    {
        if (!Domain.CaseNumber.TryParse(query.CaseNumber, out var number))
        {
            return new CaseLookup(false, false, null, null, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await RegistrationCases.FindAsync(db, number, await currentUser.GetAsync(), cancellationToken);
        return @case is null
            ? new CaseLookup(false, true, null, null, [])
            : new CaseLookup(true, true, @case.Cause, @case.AmountOwed,
                @case.Parties.Where(p => p.Role == PartyRole.Respondent).Select(PartyView.Masked).ToList(), @case.Id);
    }
}

/// <summary>The case a sender may register on, by its number, with its parties: a judge's court's, a coordinator's street's.</summary>
public static class RegistrationCases
{
    public static Task<ExecutionCase?> FindAsync(AppDbContext db, Domain.CaseNumber number, UserContext me, CancellationToken cancellationToken)
    {
        var text = number.ToString();
        return db.Cases.AsNoTracking().Include(c => c.Parties)
            .Where(c => c.CaseNumber == text)
            .Where(c => me.IsInRole(Roles.Judge) ? c.CourtId == me.CourtId : c.StreetId == me.StreetId)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
