using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Components.Shared;
using ExecutionHub.Web.Features.Dashboard;

namespace ExecutionHub.Tests.Features.Dashboard;

public sealed class DashboardChartsViewTests : BunitTestBase
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Fact]
    public void Should_draw_a_single_weeks_cycle_as_a_point_under_a_72_hour_limit_line()
    {
        var charts = new DashboardCharts(false, [new TrendPoint(Monday, 5, 2, 46.0, 1.0)], [], []);

        var view = Render<DashboardChartsView>(p => p.Add(v => v.Charts, charts));

        var cycle = view.Find("[data-testid=chart-cycle]");
        Assert.Single(cycle.QuerySelectorAll("circle.app-chart-point"));
        Assert.NotNull(cycle.QuerySelector("line.app-chart-limit"));
        Assert.Contains("72小时时限", cycle.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_a_street_named_like_markup_as_text_on_both_street_charts()
    {
        var street = new Breakdown("1", SafeChartTests.HostileImage, 4, 3, 30.0, 2 / 3.0);
        var charts = new DashboardCharts(false, [new TrendPoint(Monday, 4, 3, 30.0, 2 / 3.0)], [], [street]);

        var view = Render<DashboardChartsView>(p => p.Add(v => v.Charts, charts));

        Assert.Empty(view.FindAll("img, script"));
        foreach (var id in new[] { "chart-street", "chart-on-time" })
        {
            var labels = view.Find($"[data-testid={id}]").QuerySelectorAll(".app-chart-label text").Select(t => t.TextContent);
            Assert.Equal([SafeChartTests.HostileImage], labels);
        }
    }

    [Fact]
    public void Should_say_in_words_that_a_period_without_referrals_has_no_data()
    {
        var charts = new DashboardCharts(false, [new TrendPoint(Monday, 0, 0, null, null)], [], []);

        var view = Render<DashboardChartsView>(p => p.Add(v => v.Charts, charts));

        foreach (var id in new[] { "chart-flow", "chart-cycle", "chart-type", "chart-street" })
        {
            Assert.Equal("期间内没有数据。", view.Find($"[data-testid={id}] [data-testid=chart-empty]").TextContent);
        }
    }
}
