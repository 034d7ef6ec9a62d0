using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Dashboard;

/// <summary>
/// The figures the execution bureau watches, for the sender's court (judges) or street
/// (coordinators) and a period. Their definitions are in the README and behind each card's info
/// button; every one is computed from the database by index-only queries.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetHeadlineFigures(DashboardFilter Filter) : IQuery<HeadlineFigures>;

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

public sealed record FeedbackTotals(int Count, int Whereabouts, int Clues, long CycleSeconds, int OnTime);

public sealed class GetHeadlineFiguresValidator : AbstractValidator<GetHeadlineFigures>
{
    public GetHeadlineFiguresValidator() => RuleFor(x => x.Filter).SetValidator(new DashboardFilterValidator());
}

public sealed class DashboardFilterValidator : AbstractValidator<DashboardFilter>
{
    public DashboardFilterValidator()
    {
        RuleFor(x => x.Period).IsInEnum();
        RuleFor(x => x.Type).IsInEnum();
        When(x => x.Period == DashboardPeriod.Custom, () =>
        {
            RuleFor(x => x.From).NotNull();
            RuleFor(x => x.To).NotNull().GreaterThanOrEqualTo(x => x.From).WithMessage(Infrastructure.Localization.UiText.Get("Dashboard.RangeReversed"));
        });
    }
}

public sealed class GetHeadlineFiguresHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetHeadlineFigures, HeadlineFigures>
{
    public async ValueTask<HeadlineFigures> Handle(GetHeadlineFigures query, CancellationToken cancellationToken)
    {
        var scope = DashboardScope.Of(await currentUser.GetAsync());
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var (first, last) = query.Filter.Days(today);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = db.Matters.AsNoTracking().InScope(scope, query.Filter);
        var fedBack = matters.FedBackBetween(first, last);

        var totals = await Totals(fedBack).SingleOrDefaultAsync(cancellationToken);
        var count = totals?.Count ?? 0;

        var open = await matters.Where(m => DashboardQueries.OpenStatuses.Contains(m.Status))
            .Select(m => new { m.DueAtUtc, m.DueSoonHours, Paused = m.PausedAtUtc != null })
            .ToListAsync(cancellationToken);
        var running = open.Where(m => !m.Paused).ToList();
        var weekStart = LocalDay.WeekStart(today).DayNumber;

        return new HeadlineFigures(
            first,
            last,
            count,
            totals?.Whereabouts ?? 0,
            totals?.Clues ?? 0,
            count == 0 ? null : totals!.CycleSeconds / 3600.0 / count,
            count == 0 ? null : (double)totals!.OnTime / count,
            await CycleAtRankAsync(fedBack, count, 0.5, cancellationToken),
            await CycleAtRankAsync(fedBack, count, 0.9, cancellationToken),
            open.Count,
            running.Count(m => m.DueAtUtc >= now && m.DueAtUtc.AddHours(-m.DueSoonHours) <= now),
            running.Count(m => m.DueAtUtc < now),
            await matters.CountAsync(m => m.FirstFedBackOn >= weekStart, cancellationToken));
    }

    /// <summary>The fed-back figures in one pass over the covering index.</summary>
    public static IQueryable<FeedbackTotals> Totals(IQueryable<Matter> fedBack) =>
        fedBack.GroupBy(_ => 1).Select(g => new FeedbackTotals(
            g.Count(),
            g.Count(m => m.Type == MatterType.DebtorWhereabouts && m.Outcome == MatterOutcome.Found),
            g.Count(m => m.Type == MatterType.AssetClueVerification && m.Outcome != null),
            g.Sum(m => m.FeedbackCycleSeconds ?? 0),
            g.Count(m => m.FedBackOnTime == true)));

    /// <summary>
    /// The nearest-rank percentile: the cycle at rank ⌈p·n⌉ in ascending order. Walks the cycle
    /// index from the nearer end, so it reads at most half the rows instead of sorting them all.
    /// </summary>
    private static async Task<double?> CycleAtRankAsync(IQueryable<Matter> fedBack, int count, double p, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * count);
        var cycles = fedBack.Select(m => m.FeedbackCycleSeconds);
        var seconds = rank <= count / 2
            ? await cycles.OrderBy(c => c).Skip(rank - 1).FirstAsync(cancellationToken)
            : await cycles.OrderByDescending(c => c).Skip(count - rank).FirstAsync(cancellationToken);
        return seconds / 3600.0;
    }
}
