using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;

namespace ExecutionHub.Tests.Features.Dashboard;

/// <summary>"Now" is Friday 2026-11-27 09:30 Shanghai; this month's weeks start on Mondays 26 Oct, 2, 9, 16 and 23 Nov.</summary>
public sealed class DashboardChartsTests : IAsyncLifetime
{
    private static readonly DateTime Nov10 = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);
    private TestApp app = default!;
    private HandBuiltData data = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Judge);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_count_referrals_and_feedback_per_week_and_break_them_down_by_type_and_street()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(10), MatterOutcome.Found));
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(100), MatterOutcome.NotFound));
        await data.AddMatterAsync(@case, MatterType.AssetClueVerification, Nov10.AddDays(7), m => HandBuiltData.FeedBack(m, Nov10.AddDays(7).AddHours(30), MatterOutcome.Confirmed));
        await data.AddMatterAsync(@case, MatterType.AssetClueVerification, Nov10.AddDays(14), _ => { });

        var charts = await app.SendAsync(new GetDashboardCharts(new DashboardFilter(DashboardPeriod.ThisMonth)));

        Assert.False(charts.ByMonth);
        Assert.Equal(
            [new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)],
            charts.Trend.Select(p => p.Start));
        var week9 = charts.Trend.Single(p => p.Start == new DateOnly(2026, 11, 9));
        var week16 = charts.Trend.Single(p => p.Start == new DateOnly(2026, 11, 16));
        var week23 = charts.Trend.Single(p => p.Start == new DateOnly(2026, 11, 23));
        // Week of 9 Nov: two received, one fed back after 10 h; the 100-hour one came back on 14 Nov, same week.
        Assert.Equal((2, 2, 55.0, 0.5), (week9.Referred, week9.FedBack, week9.AverageCycleHours, week9.OnTimeRate));
        Assert.Equal((1, 1, 30.0), (week16.Referred, week16.FedBack, week16.AverageCycleHours));
        Assert.Equal((1, 0, (double?)null), (week23.Referred, week23.FedBack, week23.AverageCycleHours));

        var whereabouts = charts.ByType.Single(t => t.Name == nameof(MatterType.DebtorWhereabouts));
        var clues = charts.ByType.Single(t => t.Name == nameof(MatterType.AssetClueVerification));
        Assert.Equal((2, 2), (whereabouts.Referred, whereabouts.FedBack));
        Assert.Equal((2, 1), (clues.Referred, clues.FedBack));
        Assert.Equal(2, charts.ByType.Count);
        var street = Assert.Single(charts.ByStreet);
        Assert.Equal((data.Street.Name, 4, 3), (street.Name, street.Referred, street.FedBack));
        Assert.Equal(2 / 3.0, street.OnTimeRate!.Value, 6);
    }

    [Fact]
    public async Task Should_draw_a_long_period_per_month()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        var lastYear = new DateTime(2025, 6, 3, 0, 0, 0, DateTimeKind.Utc);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, lastYear, m => HandBuiltData.FeedBack(m, lastYear.AddHours(20), MatterOutcome.Found));

        var charts = await app.SendAsync(new GetDashboardCharts(new DashboardFilter(DashboardPeriod.SinceOpened)));

        Assert.True(charts.ByMonth);
        Assert.Equal(new DateOnly(2025, 6, 1), charts.Trend[0].Start);
        Assert.Equal(new DateOnly(2026, 11, 1), charts.Trend[^1].Start);
        Assert.Equal(18, charts.Trend.Count);
        Assert.Equal(1, charts.Trend[0].FedBack);
    }
}
