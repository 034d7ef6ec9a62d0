using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>The streets the sender's statistics cover: a street officer's or coordinator's own street, a judge's whole court.</summary>
public sealed record StatisticsScope(string Name, bool CourtWide, IReadOnlyList<ScopeStreet> Streets)
{
    public IReadOnlyList<int> StreetIds => Streets.Select(s => s.Id).ToList();

    public static async Task<StatisticsScope> OfAsync(AppDbContext db, UserContext me, CancellationToken cancellationToken)
    {
        if (me.IsInRole(Roles.Judge))
        {
            var court = await db.Courts.Where(c => c.Id == me.CourtId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
            var streets = await db.Streets.Where(s => s.CourtId == me.CourtId).OrderBy(s => s.Id)
                .Select(s => new ScopeStreet(s.Id, s.Name)).ToListAsync(cancellationToken);
            return new StatisticsScope(court, true, streets);
        }

        var street = await db.Streets.Where(s => s.Id == me.StreetId).Select(s => new ScopeStreet(s.Id, s.Name)).SingleOrDefaultAsync(cancellationToken);
        return street is null ? new StatisticsScope("", false, []) : new StatisticsScope(street.Name, false, [street]);
    }
}

public sealed record ScopeStreet(int Id, string Name);

/// <summary>The organisation the tables name: communities and grids of the scope's streets, in a stable order.</summary>
internal sealed record StatisticsPlaces(IReadOnlyList<Place> Communities, IReadOnlyList<GridPlace> Grids)
{
    public static async Task<StatisticsPlaces> LoadAsync(AppDbContext db, IReadOnlyList<int> streetIds, CancellationToken cancellationToken)
    {
        var communities = await db.Communities.Where(c => streetIds.Contains(c.StreetId)).OrderBy(c => c.StreetId).ThenBy(c => c.Id)
            .Select(c => new Place(c.Id, c.StreetId, c.Name)).ToListAsync(cancellationToken);
        var grids = await db.Grids.Where(g => streetIds.Contains(g.Community!.StreetId)).OrderBy(g => g.Community!.StreetId).ThenBy(g => g.CommunityId).ThenBy(g => g.Id)
            .Select(g => new GridPlace(g.Id, g.Community!.StreetId, g.Community.Name, g.Name)).ToListAsync(cancellationToken);
        return new StatisticsPlaces(communities, grids);
    }
}

internal sealed record Place(int Id, int StreetId, string Name);

internal sealed record GridPlace(int Id, int StreetId, string CommunityName, string Name);

/// <summary>Cases filed in a period, counted by every dimension the tables show at once; amounts summed.</summary>
internal sealed record CaseGroup(int StreetId, int? CommunityId, string Cause, string Industry, CaseStatus Status, int Year, int Month, int Count, decimal Owed, decimal Recovered);

internal sealed record MeasureGroup(int StreetId, MilestoneKind Kind, int Cases);

/// <summary>Matters received in a period, by street, the case's community, type and day of receipt.</summary>
internal sealed record MatterGroup(int StreetId, int? CommunityId, MatterType Type, int ReceivedOn, int Count);

/// <summary>Matters first fed back in a period: how many, their cycles and how many on time.</summary>
internal sealed record FeedbackGroup(int StreetId, MatterType Type, int Count, long CycleSeconds, int OnTime);

/// <summary>Verification tasks a grid was given in a period; of those answered, how long it took and how many by their due time.</summary>
internal sealed record GridTasks(int GridId, int Count, int Submitted, int OnTime, double SubmitSeconds);

/// <summary>
/// The aggregate reads behind the statistics. Each groups in the database and returns counts and
/// sums, never a case, a party or a matter: what leaves here has no name, number or address in it.
/// </summary>
internal static class StatisticsData
{
    /// <summary>Coercive measures counted per case: how many cases saw each (a case may see several).</summary>
    public static readonly MilestoneKind[] MeasureKinds =
        [MilestoneKind.AssetSeizure, MilestoneKind.CreditBlacklisting, MilestoneKind.ConsumptionRestriction, MilestoneKind.DetentionOrFine];

    /// <summary>
    /// The streets' cases filed in the period, every case statistic's base; a case an import created and nobody completed
    /// yet (<see cref="ExecutionCase.AwaitsCompletion"/>) is left out, its cause, amount and filing day being placeholders.
    /// </summary>
    public static IQueryable<ExecutionCase> FiledIn(this IQueryable<ExecutionCase> cases, IReadOnlyList<int> streetIds, PeriodDays period) =>
        cases.Where(c => streetIds.Contains(c.StreetId) && c.FiledOn >= period.First && c.FiledOn <= period.Last && !c.AwaitsCompletion);

    /// <summary>Whether the streets have a case filed or a matter received in the period: what the tables count first.</summary>
    public static async Task<bool> AnyAsync(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period, CancellationToken cancellationToken) =>
        streetIds.Count > 0
        && (await db.Cases.AsNoTracking().FiledIn(streetIds, period).AnyAsync(cancellationToken)
            || await db.Matters.AsNoTracking().Where(m => streetIds.Contains(m.StreetId)).ReceivedBetween(period.First, period.Last).AnyAsync(cancellationToken));

    public static Task<List<CaseGroup>> CasesAsync(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period, CancellationToken cancellationToken) =>
        Cases(db, streetIds, period).ToListAsync(cancellationToken);

    public static IQueryable<CaseGroup> Cases(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period) =>
        db.Cases.AsNoTracking().FiledIn(streetIds, period)
            .GroupBy(c => new { c.StreetId, c.CommunityId, c.Cause, c.Industry, c.Status, c.FiledOn.Year, c.FiledOn.Month })
            .Select(g => new CaseGroup(g.Key.StreetId, g.Key.CommunityId, g.Key.Cause, g.Key.Industry, g.Key.Status, g.Key.Year, g.Key.Month,
                g.Count(), g.Sum(c => c.AmountOwed), g.Sum(c => c.AmountRecovered)));

    /// <summary>The previous period needs only each street's totals: the same index, far fewer groups.</summary>
    public static Task<List<CaseGroup>> CaseTotalsAsync(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().FiledIn(streetIds, period)
            .GroupBy(c => c.StreetId)
            .Select(g => new CaseGroup(g.Key, null, "", "", CaseStatus.InExecution, 0, 0, g.Count(), g.Sum(c => c.AmountOwed), g.Sum(c => c.AmountRecovered)))
            .ToListAsync(cancellationToken);

    public static Task<List<MeasureGroup>> MeasuresAsync(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period, CancellationToken cancellationToken) =>
        Measures(db, streetIds, period).ToListAsync(cancellationToken);

    public static IQueryable<MeasureGroup> Measures(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period) =>
        db.Milestones.AsNoTracking().Where(m => MeasureKinds.Contains(m.Kind))
            .Join(db.Cases.FiledIn(streetIds, period), m => m.CaseId, c => c.Id, (m, c) => new { c.StreetId, m.CaseId, m.Kind })
            .Distinct()
            .GroupBy(x => new { x.StreetId, x.Kind })
            .Select(g => new MeasureGroup(g.Key.StreetId, g.Key.Kind, g.Count()));

    public static Task<List<MatterGroup>> MattersAsync(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period, CancellationToken cancellationToken) =>
        Matters(db, streetIds, period).ToListAsync(cancellationToken);

    public static IQueryable<MatterGroup> Matters(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period) =>
        db.Matters.AsNoTracking().Where(m => streetIds.Contains(m.StreetId)).ReceivedBetween(period.First, period.Last)
            .GroupBy(m => new { m.StreetId, m.Case!.CommunityId, m.Type, m.ReceivedOn })
            .Select(g => new MatterGroup(g.Key.StreetId, g.Key.CommunityId, g.Key.Type, g.Key.ReceivedOn, g.Count()));

    /// <summary>Each street's matters received in the period, from the covering index without reading a case.</summary>
    public static Task<List<MatterGroup>> MatterTotalsAsync(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period, CancellationToken cancellationToken) =>
        db.Matters.AsNoTracking().Where(m => streetIds.Contains(m.StreetId)).ReceivedBetween(period.First, period.Last)
            .GroupBy(m => m.StreetId)
            .Select(g => new MatterGroup(g.Key, null, MatterType.DebtorWhereabouts, 0, g.Count()))
            .ToListAsync(cancellationToken);

    public static Task<List<FeedbackGroup>> FeedbackAsync(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period, CancellationToken cancellationToken) =>
        Feedback(db, streetIds, period).ToListAsync(cancellationToken);

    /// <summary>Selected as the dashboard selects feedback, so both count a matter in the same period.</summary>
    public static IQueryable<FeedbackGroup> Feedback(AppDbContext db, IReadOnlyList<int> streetIds, PeriodDays period) =>
        db.Matters.AsNoTracking().Where(m => streetIds.Contains(m.StreetId)).FedBackBetween(period.First, period.Last)
            .GroupBy(m => new { m.StreetId, m.Type })
            .Select(g => new FeedbackGroup(g.Key.StreetId, g.Key.Type, g.Count(), g.Sum(m => m.FeedbackCycleSeconds ?? 0), g.Count(m => m.FedBackOnTime == true)));

    /// <summary>Tasks given to the grids in the period (by the Shanghai day they were assigned), summed per grid here: SQLite cannot subtract times.</summary>
    public static async Task<List<GridTasks>> GridTasksAsync(AppDbContext db, IReadOnlyList<int> gridIds, PeriodDays period, CancellationToken cancellationToken)
    {
        var tasks = await Tasks(db, gridIds, period).ToListAsync(cancellationToken);
        return tasks.GroupBy(t => t.GridId).Select(g =>
        {
            var submitted = g.Where(t => t.SubmittedAtUtc is not null).ToList();
            return new GridTasks(g.Key, g.Count(), submitted.Count, submitted.Count(t => t.SubmittedAtUtc <= t.DueAtUtc),
                submitted.Sum(t => (t.SubmittedAtUtc!.Value - t.AssignedAtUtc).TotalSeconds));
        }).ToList();
    }

    public static IQueryable<GridTask> Tasks(AppDbContext db, IReadOnlyList<int> gridIds, PeriodDays period)
    {
        var from = LocalDay.StartUtc(period.First);
        var until = LocalDay.StartUtc(period.Last.AddDays(1));
        return db.Tasks.AsNoTracking()
            .Where(t => t.GridId != null && gridIds.Contains(t.GridId.Value) && t.AssignedAtUtc >= from && t.AssignedAtUtc < until)
            .Select(t => new GridTask(t.GridId!.Value, t.AssignedAtUtc, t.DueAtUtc, t.SubmittedAtUtc));
    }
}

/// <summary>One task's times, with no assignee and nothing it found.</summary>
internal sealed record GridTask(int GridId, DateTime AssignedAtUtc, DateTime DueAtUtc, DateTime? SubmittedAtUtc);
