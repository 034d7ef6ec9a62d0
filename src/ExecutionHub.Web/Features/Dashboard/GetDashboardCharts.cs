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
/// by matter type and by street. Grouped by Shanghai day in the database, bucketed here.
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

public sealed class GetDashboardChartsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetDashboardCharts, DashboardCharts>
{
    /// <summary>Past this many weeks the trend is drawn per month, so a two-year view stays readable.</summary>
    private const int MaxWeeks = 26;

    public async ValueTask<DashboardCharts> Handle(GetDashboardCharts query, CancellationToken cancellationToken)
    {
        var scope = DashboardScope.Of(await currentUser.GetAsync());
        var (first, last) = query.Filter.Days(ChinaTime.Today(clock));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = db.Matters.AsNoTracking().InScope(scope, query.Filter);
        var fedBack = matters.FedBackBetween(first, last);
        var received = matters.ReceivedBetween(first, last);

        var fedBackByDay = await fedBack.GroupBy(m => m.FirstFedBackOn!.Value)
            .Select(g => new Tally(g.Key, g.Count(), g.Sum(m => m.FeedbackCycleSeconds ?? 0), g.Count(m => m.FedBackOnTime == true)))
            .ToListAsync(cancellationToken);
        var receivedByDay = await received.GroupBy(m => m.ReceivedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var firstDay = first?.DayNumber ?? fedBackByDay.Select(t => t.Key).Concat(receivedByDay.Select(r => r.Day)).DefaultIfEmpty(last.DayNumber).Min();
        var byMonth = (last.DayNumber - firstDay) / 7 + 1 > MaxWeeks;
        Func<int, DateOnly> bucketOf = byMonth
            ? day => { var date = LocalDay.Date(day); return new DateOnly(date.Year, date.Month, 1); }
            : day => LocalDay.WeekStart(LocalDay.Date(day));
        var buckets = new List<DateOnly>();
        for (var bucket = bucketOf(firstDay); bucket <= last; bucket = byMonth ? bucket.AddMonths(1) : bucket.AddDays(7))
        {
            buckets.Add(bucket);
        }

        var fedBackByBucket = fedBackByDay.GroupBy(t => bucketOf(t.Key)).ToDictionary(g => g.Key, Sum);
        var receivedByBucket = receivedByDay.GroupBy(r => bucketOf(r.Day)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var trend = buckets.Select(b =>
        {
            var tally = fedBackByBucket.GetValueOrDefault(b);
            return new TrendPoint(b, receivedByBucket.GetValueOrDefault(b), tally?.Count ?? 0, tally?.AverageHours, tally?.OnTimeRate);
        }).ToList();

        var fedBackByType = await fedBack.GroupBy(m => m.Type)
            .Select(g => new Tally((int)g.Key, g.Count(), g.Sum(m => m.FeedbackCycleSeconds ?? 0), g.Count(m => m.FedBackOnTime == true)))
            .ToDictionaryAsync(t => t.Key, cancellationToken);
        var receivedByType = await received.GroupBy(m => m.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => (int)g.Key, g => g.Count, cancellationToken);
        var byType = Enum.GetValues<MatterType>()
            .Select(type => Row(((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture), type.ToString(), receivedByType.GetValueOrDefault((int)type), fedBackByType.GetValueOrDefault((int)type)))
            .Where(row => row.Referred > 0 || row.FedBack > 0)
            .ToList();

        var fedBackByStreet = await fedBack.GroupBy(m => m.StreetId)
            .Select(g => new Tally(g.Key, g.Count(), g.Sum(m => m.FeedbackCycleSeconds ?? 0), g.Count(m => m.FedBackOnTime == true)))
            .ToDictionaryAsync(t => t.Key, cancellationToken);
        var receivedByStreet = await received.GroupBy(m => m.StreetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var streetIds = fedBackByStreet.Keys.Union(receivedByStreet.Keys).ToList();
        var streets = await db.Streets.Where(s => streetIds.Contains(s.Id)).OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var byStreet = streets
            .Select(s => Row(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, receivedByStreet.GetValueOrDefault(s.Id), fedBackByStreet.GetValueOrDefault(s.Id)))
            .ToList();

        return new DashboardCharts(byMonth, trend, byType, byStreet);
    }

    private static Breakdown Row(string key, string name, int referred, Tally? fedBack) =>
        new(key, name, referred, fedBack?.Count ?? 0, fedBack?.AverageHours, fedBack?.OnTimeRate);

    private static Tally Sum(IEnumerable<Tally> tallies)
    {
        var list = tallies.ToList();
        return new Tally(0, list.Sum(t => t.Count), list.Sum(t => t.CycleSeconds), list.Sum(t => t.OnTime));
    }

    private sealed record Tally(int Key, int Count, long CycleSeconds, int OnTime)
    {
        public double? AverageHours => Count == 0 ? null : CycleSeconds / 3600.0 / Count;

        public double? OnTimeRate => Count == 0 ? null : (double)OnTime / Count;
    }
}
