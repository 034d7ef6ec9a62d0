using System.Globalization;
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
/// The series behind the dashboard's charts for the sender's scope and a period: referrals and
/// feedback per week (per month for periods over half a year), the cycle trend, and the breakdowns
/// by matter type and by street. Summed per Shanghai day from the per-day tallies in the database, bucketed here.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetDashboardCharts(DashboardFilter Filter) : IQuery<DashboardCharts>;

/// <param name="Start">The bucket's first day (a Monday for weeks, the 1st for months).</param>
public sealed record TrendPoint(DateOnly Start, int Referred, int FedBack, double? AverageCycleHours, double? OnTimeRate);

public sealed record Breakdown(string Key, string Name, int Referred, int FedBack, double? AverageCycleHours, double? OnTimeRate);

public sealed record DashboardCharts(bool ByMonth, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<Breakdown> ByType, IReadOnlyList<Breakdown> ByStreet);

public sealed class GetDashboardChartsValidator : AbstractValidator<GetDashboardCharts>
{
    public GetDashboardChartsValidator() => RuleFor(x => x.Filter).SetValidator(new DashboardFilterValidator());
}

public sealed class GetDashboardChartsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, DashboardSnapshots snapshots)
    : IQueryHandler<GetDashboardCharts, DashboardCharts>
{
    /// <summary>Past this many weeks the trend is drawn per month, so a two-year view stays readable.</summary>
    private const int MaxWeeks = 26;

    /// <summary>What the series depend on (street names are the same for everyone; type names are translated on screen).</summary>
    private sealed record Key(DashboardScope Scope, DashboardFilter Filter, DateOnly Today);

    public async ValueTask<DashboardCharts> Handle(GetDashboardCharts query, CancellationToken cancellationToken)
    {
        var scope = DashboardScope.Of(await currentUser.GetAsync());
        var today = ChinaTime.Today(clock);
        return await snapshots.GetAsync(new Key(scope, query.Filter, today), ct => EvaluateAsync(scope, query.Filter, today, ct), cancellationToken);
    }

    private async Task<DashboardCharts> EvaluateAsync(DashboardScope scope, DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var (first, last) = filter.Days(today);
        // One read of the per-day tallies (a row per day, court, street, judge and type, not per matter), summed
        // per day, street and type in the database; the trend and the breakdowns are summed here.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await DayGroups(db.MatterDayTallies.AsNoTracking().InScope(scope, filter), first, last).ToListAsync(cancellationToken);
        var streets = await db.Streets.OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var fedBackGroups = days.Where(d => d.FedBack != 0).Select(d => new Tally(d.Day, d.Type, d.Street, d.FedBack, d.CycleSeconds, d.OnTime)).ToList();
        var receivedGroups = days.Where(d => d.Received != 0).Select(d => new Tally(d.Day, d.Type, d.Street, d.Received, 0, 0)).ToList();

        var firstDay = first?.DayNumber ?? fedBackGroups.Concat(receivedGroups).Select(t => t.Day).DefaultIfEmpty(last.DayNumber).Min();
        var byMonth = (last.DayNumber - firstDay) / 7 + 1 > MaxWeeks;
        Func<int, DateOnly> bucketOf = byMonth
            ? day => { var date = LocalDay.Date(day); return new DateOnly(date.Year, date.Month, 1); }
            : day => LocalDay.WeekStart(LocalDay.Date(day));
        var buckets = new List<DateOnly>();
        for (var bucket = bucketOf(firstDay); bucket <= last; bucket = byMonth ? bucket.AddMonths(1) : bucket.AddDays(7))
        {
            buckets.Add(bucket);
        }

        var fedBackByBucket = fedBackGroups.GroupBy(t => bucketOf(t.Day)).ToDictionary(g => g.Key, Sum);
        var receivedByBucket = receivedGroups.GroupBy(r => bucketOf(r.Day)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var trend = buckets.Select(b =>
        {
            var tally = fedBackByBucket.GetValueOrDefault(b);
            return new TrendPoint(b, receivedByBucket.GetValueOrDefault(b), tally?.Count ?? 0, tally?.AverageHours, tally?.OnTimeRate);
        }).ToList();

        var fedBackByType = fedBackGroups.GroupBy(t => t.Type).ToDictionary(g => g.Key, Sum);
        var receivedByType = receivedGroups.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
        var byType = Enum.GetValues<MatterType>()
            .Select(type => Row(((int)type).ToString(CultureInfo.InvariantCulture), type.ToString(), receivedByType.GetValueOrDefault((int)type), fedBackByType.GetValueOrDefault((int)type)))
            .Where(row => row.Referred > 0 || row.FedBack > 0)
            .ToList();

        var fedBackByStreet = fedBackGroups.GroupBy(t => t.Street).ToDictionary(g => g.Key, Sum);
        var receivedByStreet = receivedGroups.GroupBy(t => t.Street).ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
        var byStreet = streets
            .Where(s => fedBackByStreet.ContainsKey(s.Id) || receivedByStreet.ContainsKey(s.Id))
            .Select(s => Row(s.Id.ToString(CultureInfo.InvariantCulture), s.Name, receivedByStreet.GetValueOrDefault(s.Id), fedBackByStreet.GetValueOrDefault(s.Id)))
            .ToList();

        return new DashboardCharts(byMonth, trend, byType, byStreet);
    }

    /// <summary>
    /// The period's referrals (by day of receipt) and feedback (by day of first feedback) per day, matter type and
    /// street, summed over courts and judges; since the workstation opened, every day up to the last.
    /// </summary>
    public static IQueryable<DayGroup> DayGroups(IQueryable<MatterDayTally> tallies, DateOnly? first, DateOnly last)
    {
        var firstDay = first?.DayNumber ?? 0;
        var lastDay = last.DayNumber;
        return tallies.Where(t => t.Day >= firstDay && t.Day <= lastDay)
            .GroupBy(t => new { t.Day, t.StreetId, t.Type })
            .Select(g => new DayGroup(g.Key.Day, (int)g.Key.Type, g.Key.StreetId, g.Sum(t => t.Received), g.Sum(t => t.FedBack), g.Sum(t => t.CycleSeconds), g.Sum(t => t.OnTime)));
    }

    public sealed record DayGroup(int Day, int Type, int Street, int Received, int FedBack, long CycleSeconds, int OnTime);

    private static Breakdown Row(string key, string name, int referred, Tally? fedBack) =>
        new(key, name, referred, fedBack?.Count ?? 0, fedBack?.AverageHours, fedBack?.OnTimeRate);

    private static Tally Sum(IEnumerable<Tally> tallies)
    {
        var list = tallies.ToList();
        return new Tally(0, 0, 0, list.Sum(t => t.Count), list.Sum(t => t.CycleSeconds), list.Sum(t => t.OnTime));
    }

    /// <summary>Counts for one day, matter type and street (summed over courts and judges).</summary>
    public sealed record Tally(int Day, int Type, int Street, int Count, long CycleSeconds, int OnTime)
    {
        public double? AverageHours => Count == 0 ? null : CycleSeconds / 3600.0 / Count;

        public double? OnTimeRate => Count == 0 ? null : (double)OnTime / Count;
    }
}
