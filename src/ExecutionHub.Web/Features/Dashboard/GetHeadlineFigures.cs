using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Dashboard;

/// <summary>
/// The figures the execution bureau watches, for the sender's court (judges) or street
/// (coordinators) and a period. Their definitions are in the README and behind each card's info
/// button; every one is computed from the database by index-only queries, the sums from per-day tallies (<see cref="MatterDayTally"/>). An API client may narrow them to one street
/// of its court by code or id (<see cref="Street"/>), which then decides the filter's street.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
[ApiScope(ApiScopes.StatisticsRead)]
public sealed record GetHeadlineFigures(DashboardFilter Filter, [property: FieldLabel("Field.StreetId")] string? Street = null) : IQuery<HeadlineFigures>;

/// <summary>Null where there is nothing to average or rank (shown as "—", never 0 or NaN).</summary>
public sealed record HeadlineFigures(
    DateOnly? First,
    DateOnly Last,
    int FedBack,
    int WhereaboutsVerified,
    int AssetCluesVerified,
    double? AverageCycleHours,
    double? OnTimeRate,
    double? MedianCycleHours,
    double? Percentile90CycleHours,
    int Open,
    int DueSoon,
    int Overdue,
    int FedBackThisWeek);

public sealed record FeedbackTotals(int Count, int Whereabouts, int Clues, long CycleSeconds, int OnTime, int ThisWeek);

public sealed record CycleHourCount(int Hour, int Count);

public sealed record LiveCounts(int Open, int DueSoon, int Overdue);

public sealed class GetHeadlineFiguresValidator : AbstractValidator<GetHeadlineFigures>
{
    public GetHeadlineFiguresValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new DashboardFilterValidator());
        RuleFor(x => x.Street).MaximumLength(OrgCodes.MaxLength);
    }
}

public sealed class DashboardFilterValidator : AbstractValidator<DashboardFilter>
{
    public DashboardFilterValidator()
    {
        RuleFor(x => x.Period).IsInEnum();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.JudgeId).MaximumLength(Infrastructure.Mediator.TextLimits.UserId).WithName(_ => Infrastructure.Localization.UiText.Get("Dashboard.Judge"));
        When(x => x.Period == DashboardPeriod.Custom, () =>
        {
            RuleFor(x => x.From).NotNull();
            RuleFor(x => x.To).NotNull().GreaterThanOrEqualTo(x => x.From).WithMessage(Infrastructure.Localization.UiText.Get("Dashboard.RangeReversed"));
        });
    }
}

public sealed class GetHeadlineFiguresHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, DashboardSnapshots snapshots)
    : IQueryHandler<GetHeadlineFigures, HeadlineFigures>
{
    /// <summary>What the figures depend on: the same for a judge of the court and the court's API client.</summary>
    private sealed record Key(DashboardScope Scope, DashboardFilter Filter, DateOnly Today);

    public async ValueTask<HeadlineFigures> Handle(GetHeadlineFigures query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var scope = DashboardScope.Of(me);
        if (query.Street is { } key)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var street = await ReferenceData.OrgReferences.StreetAsync(db, me.CourtId ?? 0, key, cancellationToken)
                ?? throw new UnknownReferenceException("street", "Api.StreetUnknown", key);
            query = query with { Filter = query.Filter with { StreetId = street.Id } };
        }

        var today = ChinaTime.Today(clock);
        return await snapshots.GetAsync(new Key(scope, query.Filter, today), ct => EvaluateAsync(scope, query.Filter, today, ct), cancellationToken);
    }

    private async Task<HeadlineFigures> EvaluateAsync(DashboardScope scope, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (first, last) = filter.Days(today);
        var weekStart = LocalDay.WeekStart(today).DayNumber;

        // Every read is small now (the sums come from per-day tallies), so they run one after another on one
        // context: side by side on pool threads, their hops and contexts cost more than the reads themselves.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = db.Matters.AsNoTracking().InScope(scope, filter);
        var totals = await Totals(db.MatterDayTallies.AsNoTracking().InScope(scope, filter), first, last, weekStart).SingleOrDefaultAsync(cancellationToken);
        var count = totals?.Count ?? 0;
        (double? Median, double? Percentile90)? ranks = null;
        if (IsSinceOpened(first, last, today))
        {
            // The cycle histogram says in which hour each rank lies: only that hour's cycles are read.
            var histogram = await CycleHistogram(db.MatterCycleTallies.AsNoTracking().InScope(scope, filter)).ToListAsync(cancellationToken);
            ranks = await CyclesAtRanksAsync(matters, histogram, count, cancellationToken);
        }
        else if (count <= RankInMemoryUpTo)
        {
            var cycles = await matters.FedBackBetween(first, last).Select(m => m.FeedbackCycleSeconds ?? 0).Take(RankInMemoryUpTo + 1).ToListAsync(cancellationToken);
            if (cycles.Count <= RankInMemoryUpTo)
            {
                cycles.Sort();
                ranks = Ranks(cycles);
            }
        }

        ranks ??= await CyclesAtRanksAsync(RankedCycles(matters, first, last, today), count, cancellationToken);
        var live = await Live(matters, now).SingleOrDefaultAsync(cancellationToken);
        var (median, percentile90) = ranks.Value;
        return new HeadlineFigures(
            first,
            last,
            count,
            totals?.Whereabouts ?? 0,
            totals?.Clues ?? 0,
            count == 0 ? null : totals!.CycleSeconds / 3600.0 / count,
            count == 0 ? null : (double)totals!.OnTime / count,
            median,
            percentile90,
            live?.Open ?? 0,
            live?.DueSoon ?? 0,
            live?.Overdue ?? 0,
            totals?.ThisWeek ?? 0);
    }

    /// <summary>Since the workstation opened, up to today: every matter fed back (a first feedback is never in the future).</summary>
    private static bool IsSinceOpened(DateOnly? first, DateOnly last, DateOnly today) => first is null && last >= today;

    /// <summary>Nearest rank over cycles already sorted: the ⌈0.5·n⌉-th and ⌈0.9·n⌉-th.</summary>
    public static (double? Median, double? Percentile90) Ranks(List<long> sorted) => sorted.Count == 0
        ? (null, null)
        : (sorted[(int)Math.Ceiling(0.5 * sorted.Count) - 1] / 3600.0, sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1] / 3600.0);

    /// <summary>
    /// The period's fed-back figures and this week's feedback, summed from the per-day tallies in one pass over
    /// their covering index: a day's row per court, street, judge and type instead of a row per matter.
    /// </summary>
    public static IQueryable<FeedbackTotals> Totals(IQueryable<MatterDayTally> tallies, DateOnly? first, DateOnly last, int weekStart)
    {
        var firstDay = first?.DayNumber ?? 0;
        var lastDay = last.DayNumber;
        var from = Math.Min(firstDay, weekStart);
        return tallies.Where(t => t.Day >= from).GroupBy(_ => 1).Select(g => new FeedbackTotals(
            g.Sum(t => t.Day >= firstDay && t.Day <= lastDay ? t.FedBack : 0),
            g.Sum(t => t.Day >= firstDay && t.Day <= lastDay ? t.WhereaboutsFound : 0),
            g.Sum(t => t.Day >= firstDay && t.Day <= lastDay ? t.CluesVerified : 0),
            g.Sum(t => t.Day >= firstDay && t.Day <= lastDay ? t.CycleSeconds : 0),
            g.Sum(t => t.Day >= firstDay && t.Day <= lastDay ? t.OnTime : 0),
            g.Sum(t => t.Day >= weekStart ? t.FedBack : 0)));
    }

    /// <summary>How many fed-back matters have a cycle in each whole hour, over every court, street, judge and type in the filter.</summary>
    public static IQueryable<CycleHourCount> CycleHistogram(IQueryable<MatterCycleTally> tallies) =>
        tallies.GroupBy(t => t.CycleHour).Select(g => new CycleHourCount(g.Key, g.Sum(t => t.Count)));

    /// <summary>
    /// The matters whose cycles are ranked for the percentiles. Since the workstation opened that is
    /// every matter with a cycle (a first feedback is never in the future): said so, the planner walks
    /// the cycle index in order instead of reading the day index and sorting every row.
    /// </summary>
    public static IQueryable<Matter> RankedCycles(IQueryable<Matter> matters, DateOnly? first, DateOnly last, DateOnly today) =>
        IsSinceOpened(first, last, today) ? matters.Where(m => m.FeedbackCycleSeconds != null) : matters.FedBackBetween(first, last);

    /// <summary>Open matters now, and of those with a running clock the ones in their due-soon window and the overdue.</summary>
    public static IQueryable<LiveCounts> Live(IQueryable<Matter> matters, DateTime now) =>
        matters.Open().GroupBy(_ => 1).Select(g => new LiveCounts(
            g.Count(),
            g.Count(m => m.PausedAtUtc == null && m.DueAtUtc >= now && m.DueAtUtc.AddHours(-m.DueSoonHours) <= now),
            g.Count(m => m.PausedAtUtc == null && m.DueAtUtc < now)));

    /// <summary>
    /// The nearest-rank median and 90th percentile of every matter fed back, from the cycle histogram: it tells in
    /// which hour each rank lies and how many cycles come before that hour, so only that hour's cycles are read,
    /// in order, from the cycle index. Null when the histogram does not hold exactly <paramref name="count"/>
    /// cycles (a change saved between the reads): the caller then ranks by walking the index.
    /// </summary>
    public static async Task<(double? Median, double? Percentile90)?> CyclesAtRanksAsync(IQueryable<Matter> matters, IReadOnlyList<CycleHourCount> histogram, int count, CancellationToken cancellationToken)
    {
        var hours = histogram.Where(h => h.Count != 0).OrderBy(h => h.Hour).ToList();
        if (hours.Sum(h => (long)h.Count) != count || hours.Any(h => h.Count < 0))
        {
            return null;
        }

        if (count == 0)
        {
            return (null, null);
        }

        var median = await CycleAtRankAsync(matters, hours, (int)Math.Ceiling(0.5 * count), cancellationToken);
        var p90 = await CycleAtRankAsync(matters, hours, (int)Math.Ceiling(0.9 * count), cancellationToken);
        return median is null || p90 is null ? null : (median.Value / 3600.0, p90.Value / 3600.0);
    }

    /// <summary>The cycles of the matters fed back whose cycle lies in one whole hour, in order: a range of the cycle index.</summary>
    public static IQueryable<long?> CyclesInHour(IQueryable<Matter> matters, int hour)
    {
        var from = (long)hour * MatterTallies.SecondsPerCycleHour;
        var to = from + MatterTallies.SecondsPerCycleHour;
        return matters.Where(m => m.FirstFedBackOn != null && m.FeedbackCycleSeconds >= from && m.FeedbackCycleSeconds < to)
            .Select(m => m.FeedbackCycleSeconds).OrderBy(c => c);
    }

    private static async Task<long?> CycleAtRankAsync(IQueryable<Matter> matters, List<CycleHourCount> hours, int rank, CancellationToken cancellationToken)
    {
        var before = 0;
        foreach (var (hour, count) in hours)
        {
            if (rank <= before + count)
            {
                return await CyclesInHour(matters, hour).Skip(rank - before - 1).FirstOrDefaultAsync(cancellationToken);
            }

            before += count;
        }

        return null;
    }

    /// <summary>Up to this many cycles are read in one go and ranked here; more are ranked by walking the cycle index.</summary>
    public const int RankInMemoryUpTo = 20_000;

    /// <summary>
    /// The nearest-rank median and 90th percentile: the cycles at ranks ⌈0.5·n⌉ and ⌈0.9·n⌉ in
    /// ascending order. A few are read and ranked at once; many are found by walking the cycle index
    /// from the nearer end, which reads at most half the rows instead of sorting them all.
    /// </summary>
    public static async Task<(double? Median, double? Percentile90)> CyclesAtRanksAsync(IQueryable<Matter> fedBack, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return (null, null);
        }

        // Ordered by the column itself, so the walk can follow the cycle index.
        var cycles = fedBack.Select(m => m.FeedbackCycleSeconds);
        var medianRank = (int)Math.Ceiling(0.5 * count);
        var p90Rank = (int)Math.Ceiling(0.9 * count);
        var median = await cycles.OrderBy(c => c).Skip(medianRank - 1).FirstAsync(cancellationToken);
        var p90 = await cycles.OrderByDescending(c => c).Skip(count - p90Rank).FirstAsync(cancellationToken);
        return (median!.Value / 3600.0, p90!.Value / 3600.0);
    }
}
