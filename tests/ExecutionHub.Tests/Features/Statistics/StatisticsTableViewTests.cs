using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Statistics;

/// <summary>A statistics table on screen: a count of 1 or 2 reads "&lt;3", the amount hidden with it "—", never "&lt;3" (which reads "under 3 yuan").</summary>
public sealed class StatisticsTableViewTests : BunitTestBase
{
    private static readonly PeriodDays Period = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), 3);

    public StatisticsTableViewTests() => Services.AddScoped<BrowserDownload>();

    [Fact]
    public void A_suppressed_amount_reads_a_dash_and_the_table_says_why_while_its_count_reads_less_than_three()
    {
        var small = new SuppressedCount(2);
        var table = Table(new StatRow(StatText.Name("买卖合同纠纷"), [StatValue.Count(small), StatValue.Of(small, 50_000m)]));

        var view = RenderTable(table);

        var cells = view.FindAll("tbody tr")[1].QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["<3", "—"], cells);
        Assert.DoesNotContain(view.FindAll("tbody td:nth-of-type(2)"), td => td.TextContent.Contains('<', StringComparison.Ordinal));
        Assert.Contains("金额、比率、用时和环比不用“<3”或“*”", view.Find("[data-testid=stat-amount-footnote]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_whose_amounts_are_all_shown_has_no_suppression_footnote()
    {
        var table = Table(new StatRow(StatText.Name("买卖合同纠纷"), [StatValue.Count(new SuppressedCount(3)), StatValue.Shown(60_000m)]));

        var view = RenderTable(table);

        Assert.Equal("60,000.00", view.FindAll("tbody tr")[1].QuerySelectorAll("td")[1].TextContent);
        Assert.Empty(view.FindAll("[data-testid=stat-amount-footnote]"));
    }

    private static StatTable Table(StatRow row) => new("by-cause",
        [new(StatText.Of("Statistics.Col.Cases"), StatMeasure.Count), new(StatText.Of("Statistics.Col.AmountOwed"), StatMeasure.Yuan)],
        [new StatRow(StatText.Name("民间借贷纠纷"), [StatValue.Shown(10), StatValue.Shown(150_000m)]), row])
    {
        Chart = StatChart.None,
    };

    private IRenderedComponent<StatisticsTableView> RenderTable(StatTable table)
    {
        RenderProviders();
        var statistics = new StreetStatistics("测试街道", false, ["测试街道"], Period, Period, new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc), [table]);
        return Render<StatisticsTableView>(p => p
            .Add(x => x.Table, table)
            .Add(x => x.Statistics, statistics)
            .Add(x => x.Period, StatisticsPeriodKind.LastQuarter));
    }
}
