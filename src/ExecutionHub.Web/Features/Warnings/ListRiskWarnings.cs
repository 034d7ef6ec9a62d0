using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>
/// The risk warnings the sender may see, newest first: a street officer's or coordinator's street,
/// a judge's court's streets, every street for an administrator; optionally one street, a state, a
/// severity, open ones only, or those whose quarter overlaps [<see cref="From"/>, <see cref="To"/>]
/// (what a portrait report of a period reads). Rows are aggregate only: title, evidence sentence,
/// suggested action — never a respondent.
/// </summary>
[Allowed(Roles.StreetOfficer, Roles.Coordinator, Roles.Judge, Roles.Administrator)]
public sealed record ListRiskWarnings(
    int? StreetId = null,
    [property: FieldLabel("Warnings.State")] WarningState? State = null,
    [property: FieldLabel("Warnings.Severity")] WarningSeverity? Severity = null,
    bool OpenOnly = false,
    DateOnly? From = null,
    DateOnly? To = null) : IQuery<IReadOnlyList<RiskWarningRow>>;

public sealed record RiskWarningRow(
    long Id,
    int StreetId,
    string StreetName,
    RiskRuleKind Rule,
    WarningSeverity Severity,
    WarningState State,
    string Title,
    string Evidence,
    string SuggestedAction,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTime CreatedAtUtc,
    DateTime EvidenceAtUtc,
    int Version)
{
    /// <summary>The row the list and a warning's own page both show (its street loaded, for the name).</summary>
    public static RiskWarningRow Of(RiskWarning w) => new(
        w.Id, w.StreetId, w.Street?.Name ?? "", w.Rule, w.Severity, w.State,
        RiskWarningText.Title(w), RiskWarningText.Evidence(w), w.SuggestedAction, RiskWarningText.Period(w),
        w.PeriodStart, w.PeriodEnd, w.CreatedAtUtc, w.EvidenceAtUtc, w.Version);
}

public sealed class ListRiskWarningsValidator : AbstractValidator<ListRiskWarnings>
{
    public ListRiskWarningsValidator()
    {
        RuleFor(x => x.State).IsInEnum();
        RuleFor(x => x.Severity).IsInEnum();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
    }
}

public sealed class ListRiskWarningsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<ListRiskWarnings, IReadOnlyList<RiskWarningRow>>
{
    public async ValueTask<IReadOnlyList<RiskWarningRow>> Handle(ListRiskWarnings query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var warnings = await WarningScope.VisibleAsync(db, me, query.StreetId, cancellationToken);
        if (query.State is { } state)
        {
            warnings = warnings.Where(w => w.State == state);
        }

        if (query.OpenOnly)
        {
            warnings = warnings.Where(w => w.State != WarningState.Closed);
        }

        if (query.Severity is { } severity)
        {
            warnings = warnings.Where(w => w.Severity == severity);
        }

        if (query.From is { } from)
        {
            warnings = warnings.Where(w => w.PeriodEnd >= from);
        }

        if (query.To is { } to)
        {
            warnings = warnings.Where(w => w.PeriodStart <= to);
        }

        var rows = await warnings.AsNoTracking().Include(w => w.Street)
            .OrderByDescending(w => w.CreatedAtUtc).ThenByDescending(w => w.Id).Take(500)
            .ToListAsync(cancellationToken);
        return rows.Select(RiskWarningRow.Of).ToList();
    }
}

/// <summary>Which streets' warnings a sender sees, and the rule that a street asked for must be one of them.</summary>
public static class WarningScope
{
    public static async Task<IQueryable<RiskWarning>> VisibleAsync(AppDbContext db, UserContext me, int? streetId, CancellationToken cancellationToken)
    {
        IQueryable<RiskWarning> warnings = db.RiskWarnings;
        if (!me.IsInRole(Roles.Administrator))
        {
            var streets = await StreetsAsync(db, me, cancellationToken);
            if (streetId is { } asked && !streets.Contains(asked))
            {
                throw RequestRefusedException.NotAllowed(typeof(ListRiskWarnings));
            }

            warnings = warnings.Where(w => streets.Contains(w.StreetId));
        }

        return streetId is { } street ? warnings.Where(w => w.StreetId == street) : warnings;
    }

    /// <summary>A judge's court's streets; a street officer's or coordinator's own street.</summary>
    public static async Task<List<int>> StreetsAsync(AppDbContext db, UserContext me, CancellationToken cancellationToken)
    {
        var streets = new List<int>();
        if (me.IsInRole(Roles.Judge) && me.CourtId is { } court)
        {
            streets.AddRange(await db.Streets.Where(s => s.CourtId == court).Select(s => s.Id).ToListAsync(cancellationToken));
        }

        if ((me.IsInRole(Roles.StreetOfficer) || me.IsInRole(Roles.Coordinator)) && me.StreetId is { } own)
        {
            streets.Add(own);
        }

        return streets;
    }
}
