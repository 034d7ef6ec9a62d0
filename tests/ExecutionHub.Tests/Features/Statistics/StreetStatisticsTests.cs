using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using static ExecutionHub.Tests.Features.Statistics.StatisticsText;

namespace ExecutionHub.Tests.Features.Statistics;

/// <summary>
/// The statistics of the hand-built street (<see cref="StatisticsScenario"/>) for this year, each
/// figure computed by hand in the comments. Row lines read "label | cell | cell …".
/// </summary>
public sealed class StreetStatisticsTests : IAsyncLifetime
{
    private TestApp app = default!;
    private StatisticsScenario scenario = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        scenario = await StatisticsScenario.CreateAsync(app);
        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.Data.Street.Id);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task<StreetStatistics> ThisYearAsync() => app.SendAsync(new GetStreetStatistics(new StatisticsPeriod(StatisticsPeriodKind.ThisYear)));

    [Fact]
    public async Task Should_count_the_streets_cases_by_community_with_their_amounts_and_matters()
    {
        var statistics = await ThisYearAsync();

        Assert.Equal("测试街道", statistics.ScopeName);
        Assert.Equal(new PeriodDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 27), 12), statistics.Period);
        Assert.Equal(["案件数", "申请执行标的（元）", "执行到位（元）", "到位率", "事项数"], Headers(statistics.Table("by-community")));
        Assert.Equal(
        [
            "测试居委 | 0 | 0.00 | 0.00 | — | 0",
            // 5 × 10,000 + 2 × 50,000 + 5,000; 3 settled at 5,000; 15,000 / 155,000 = 9.7 %; all 7 matters.
            "东居委 | 8 | 155,000.00 | 15,000.00 | 9.7% | 7",
            // 5 × 20,000; 2 paid in full.
            "西居委 | 5 | 100,000.00 | 40,000.00 | 40.0% | 0",
            "合计 | 13 | 255,000.00 | 55,000.00 | 21.6% | 7",
        ], Rows(statistics.Table("by-community")));
    }

    [Fact]
    public async Task Should_show_small_causes_as_less_than_three_with_no_amount_in_every_table_that_counts_them()
    {
        var statistics = await ThisYearAsync();

        // 买卖 (2) and 服务 (1) are "<3" everywhere, their amounts and rates "—" (never "<3", which would read "under 3 yuan"); together they are 13 − 10 = 3, which is 1 + 2 or 2 + 1.
        Assert.Equal(
        [
            "民间借贷纠纷 | 10 | 150,000.00 | 55,000.00 | 36.7%",
            "买卖合同纠纷 | <3 | — | — | —",
            "服务合同纠纷 | <3 | — | — | —",
            "合计 | 13 | 255,000.00 | 55,000.00 | 21.6%",
        ], Rows(statistics.Table("by-cause")));
        Assert.Equal(
        [
            "个人借贷 | 10 | 150,000.00 | 55,000.00 | 36.7%",
            "批发零售 | <3 | — | — | —",
            "生活服务 | <3 | — | — | —",
            "合计 | 13 | 255,000.00 | 55,000.00 | 21.6%",
        ], Rows(statistics.Table("by-industry")));
        Assert.Equal(["民间借贷纠纷", "买卖合同纠纷", "服务合同纠纷", "合计"], Headers(statistics.Table("heat")));
        Assert.Equal(
        [
            "测试居委 | 0 | 0 | 0 | 0",
            "东居委 | 5 | <3 | <3 | 8",
            "西居委 | 5 | 0 | 0 | 5",
            "合计 | 10 | <3 | <3 | 13",
        ], Rows(statistics.Table("heat")));
    }

    [Fact]
    public async Task Should_hide_one_more_outcome_so_that_the_total_cannot_give_a_small_one_away()
    {
        var statistics = await ThisYearAsync();

        // Paid is 2. With only it hidden, 13 − 8 − 0 − 0 − 3 would give it back, so the next smallest,
        // settled (3), is hidden too: a reader is left with "*" + "<3" = 5, which is 3 + 2 or 4 + 1.
        Assert.Equal(
        [
            "执行中 | 8 | 61.5%",
            "执行和解 | * | —",
            "已履行 | <3 | —",
            "终结本次执行 | 0 | 0.0%",
            "已结案 | 0 | 0.0%",
            "合计 | 13 | 100.0%",
        ], Rows(statistics.Table("by-outcome")));
    }

    [Fact]
    public async Task Should_count_cases_per_measure_and_suppress_a_single_blacklisting()
    {
        var statistics = await ThisYearAsync();

        Assert.Equal(["财产查扣 | 4", "失信惩戒 | <3", "限制消费 | 0", "拘留/罚款 | 0"], Rows(statistics.Table("by-measure")));
    }

    [Fact]
    public async Task Should_count_cases_filed_and_matters_received_month_by_month()
    {
        var statistics = await ThisYearAsync();

        var rows = Rows(statistics.Table("by-month"));
        Assert.Equal(12, rows.Length);
        Assert.Equal("2026-03 | 8 | 0", rows[2]);
        Assert.Equal("2026-06 | 5 | 0", rows[5]);
        Assert.Equal("2026-11 | 0 | 7", rows[10]);
        Assert.Equal("合计 | 13 | 7", rows[11]);
        Assert.All(rows.Except([rows[2], rows[5], rows[10], rows[11]]), row => Assert.EndsWith(" | 0 | 0", row));
    }

    [Fact]
    public async Task Should_give_the_feedback_cycle_and_on_time_rate_by_matter_type()
    {
        var statistics = await ThisYearAsync();

        var rows = Rows(statistics.Table("by-type"));
        // Cycles 10, 30, 50 and 80 h: 42.5 h on average; 80 h is past the 72 h window, so 3 of 4 on time.
        Assert.Equal("被执行人下落/作息核查 | 4 | 4 | 42.5 | 75.0%", rows[0]);
        Assert.Equal("财产线索核查 | 3 | 0 | — | —", rows[1]);
        Assert.Equal("合计 | 7 | 4 | 42.5 | 75.0%", rows[^1]);
    }

    [Fact]
    public async Task Should_give_each_grid_its_tasks_answer_time_and_on_time_rate()
    {
        var statistics = await ThisYearAsync();

        // Answered 5, 20, 41 and 60 h after dispatch: 31.5 h on average; 60 h is past the task's 48 h.
        Assert.Equal(
        [
            "测试居委 · 测试网格 | 0 | — | —",
            "东居委 · 东一网格 | 4 | 31.5 | 75.0%",
            "西居委 · 西一网格 | 0 | — | —",
            "合计 | 4 | 31.5 | 75.0%",
        ], Rows(statistics.Table("by-grid")));
    }

    [Fact]
    public async Task Should_compare_each_figure_with_the_same_span_a_year_earlier()
    {
        var statistics = await ThisYearAsync();

        Assert.Equal(new PeriodDays(new DateOnly(2025, 1, 1), new DateOnly(2025, 11, 27), 12), statistics.Previous);
        Assert.Equal(
        [
            // 4 cases of 20,000 filed in May 2025: (13 − 4) / 4 = +225 %, (255,000 − 80,000) / 80,000 = +218.75 %.
            "新收涉执案件 | 13 | 4 | ↑225.0%",
            "申请执行标的（元） | 255,000.00 | 80,000.00 | ↑218.8%",
            "执行到位金额（元） | 55,000.00 | 0.00 | —",
            "执行到位率 | 21.6% | 0.0% | —",
            "新收事项 | 7 | 0 | —",
            "已反馈事项 | 4 | 0 | —",
            "平均反馈周期（小时） | 42.5 | — | —",
            "按期反馈率 | 75.0% | — | —",
        ], Rows(statistics.Table("overview")));
    }

    [Fact]
    public async Task Should_never_carry_a_value_in_a_suppressed_cell()
    {
        var statistics = await ThisYearAsync();

        var cells = statistics.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).ToList();
        Assert.Contains(cells, c => c.Mark == StatMark.Small);
        Assert.Contains(cells, c => c.Mark == StatMark.Hidden);
        Assert.All(cells.Where(c => c.Mark != StatMark.Shown), c => Assert.Null(c.Value));
    }

    [Fact]
    public async Task A_coordinator_sees_the_same_statistics_as_the_street_officer()
    {
        var officer = await ThisYearAsync();
        scenario.Data.ActAsStreet(Roles.Coordinator, scenario.Data.Street.Id);

        var coordinator = await ThisYearAsync();

        Assert.Equal(officer.Tables.Select(t => t.Id), coordinator.Tables.Select(t => t.Id));
        Assert.All(officer.Tables.Zip(coordinator.Tables), pair => Assert.Equal(Rows(pair.First), Rows(pair.Second)));
    }

    [Fact]
    public async Task A_street_officer_of_another_street_sees_nothing_of_this_street()
    {
        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.North.Id);

        var statistics = await ThisYearAsync();

        Assert.Equal("北街道", statistics.ScopeName);
        Assert.Equal(["北居委 | 3 | 30,000.00 | 0.00 | 0.0% | 0", "合计 | 3 | 30,000.00 | 0.00 | 0.0% | 0"], Rows(statistics.Table("by-community")));
        var everything = string.Join("\n", statistics.Tables.SelectMany(t => Rows(t).Concat(Headers(t))));
        Assert.DoesNotContain("东居委", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("测试", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("东一网格", everything, StringComparison.Ordinal);
        Assert.Equal("新收事项 | 0 | 0 | —", Rows(statistics.Table("overview"))[4]);
    }

    [Fact]
    public async Task A_judge_sees_every_street_of_the_court_side_by_side_and_no_other_court()
    {
        scenario.Data.ActAs(scenario.Data.Judge, Roles.Judge);

        var statistics = await ThisYearAsync();

        Assert.True(statistics.CourtWide);
        Assert.Equal("测试区人民法院", statistics.ScopeName);
        Assert.Equal(["测试街道", "北街道"], statistics.Streets);
        Assert.Equal(
            ["测试街道 · 本期", "测试街道 · 上期", "测试街道 · 环比", "北街道 · 本期", "北街道 · 上期", "北街道 · 环比", "合计 · 本期", "合计 · 上期", "合计 · 环比"],
            Headers(statistics.Table("overview")));
        Assert.Equal("新收涉执案件 | 13 | 4 | ↑225.0% | 3 | 0 | — | 16 | 4 | ↑300.0%", Rows(statistics.Table("overview"))[0]);
        Assert.Equal(["测试街道 · 案件数", "北街道 · 案件数", "合计 · 案件数", "申请执行标的（元）", "执行到位（元）", "到位率"], Headers(statistics.Table("by-cause")));
        Assert.Equal("民间借贷纠纷 | 10 | 3 | 13 | 180,000.00 | 55,000.00 | 30.6%", Rows(statistics.Table("by-cause"))[0]);
        var communities = Rows(statistics.Table("by-community"));
        Assert.Contains("测试街道 · 东居委 | 8 | 155,000.00 | 15,000.00 | 9.7% | 7", communities);
        Assert.Contains("北街道 | 3 | 30,000.00 | 0.00 | 0.0% | 0", communities);
        Assert.Equal("合计 | 16 | 285,000.00 | 55,000.00 | 19.3% | 7", communities[^1]);
        var everything = string.Join("\n", statistics.Tables.SelectMany(t => Rows(t).Concat(Headers(t))));
        Assert.DoesNotContain("他街道", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("他居委", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_judge_of_another_court_sees_only_that_courts_street()
    {
        scenario.Data.ActAs(scenario.ElsewhereJudge, Roles.Judge);

        var statistics = await ThisYearAsync();

        Assert.Equal(["他街道"], statistics.Streets);
        Assert.Equal("合计 | 4 | 40,000.00 | 0.00 | 0.0% | 0", Rows(statistics.Table("by-community"))[^1]);
    }

    [Theory]
    [InlineData(Roles.GridWorker)]
    [InlineData(Roles.PartnerAgent)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_may_not_ask_for_street_statistics(string role)
    {
        scenario.Data.ActAs(scenario.Data.Judge, role, scenario.Data.Street.Id);

        await Assert.ThrowsAsync<RequestRefusedException>(ThisYearAsync);
    }

    [Fact]
    public async Task Should_read_every_aggregate_through_an_index_never_a_table_scan()
    {
        await using var db = await app.DbAsync();
        IReadOnlyList<int> streets = [scenario.Data.Street.Id, scenario.North.Id];
        var year = new StatisticsPeriod(StatisticsPeriodKind.ThisYear).Days(new DateOnly(2026, 11, 27));

        var plans = new Dictionary<string, IReadOnlyList<string>>
        {
            ["cases"] = await SqliteDatabase.QueryPlanAsync(StatisticsData.Cases(db, streets, year)),
            ["measures"] = await SqliteDatabase.QueryPlanAsync(StatisticsData.Measures(db, streets, year)),
            ["matters"] = await SqliteDatabase.QueryPlanAsync(StatisticsData.Matters(db, streets, year)),
            ["feedback"] = await SqliteDatabase.QueryPlanAsync(StatisticsData.Feedback(db, streets, year)),
            ["tasks"] = await SqliteDatabase.QueryPlanAsync(StatisticsData.Tasks(db, [scenario.EastGrid.Id], year)),
        };

        Assert.All(plans, plan => Assert.DoesNotContain(plan.Value, step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.StartsWith("SCAN s", StringComparison.Ordinal)));
        Assert.Contains(plans["cases"], step => step.Contains("USING COVERING INDEX IX_Cases_StreetId_FiledOn", StringComparison.Ordinal));
        Assert.Contains(plans["feedback"], step => step.Contains("USING COVERING INDEX IX_Matters_StreetId_FirstFedBackOn", StringComparison.Ordinal));
        Assert.Contains(plans["tasks"], step => step.Contains("USING COVERING INDEX IX_Tasks_GridId_AssignedAtUtc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_refuse_a_custom_period_that_ends_before_it_starts()
    {
        var reversed = new StatisticsPeriod(StatisticsPeriodKind.Custom, new DateOnly(2026, 6, 1), new DateOnly(2026, 3, 1));

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new GetStreetStatistics(reversed)));
    }
}
