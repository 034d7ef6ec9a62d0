using ExecutionHub.Web.Features.Statistics;

namespace ExecutionHub.Tests.Features.Statistics;

public sealed class StatisticsPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(StatisticsPeriodKind.ThisMonth, "2026-11-01~2026-11-27", "2026-10-01~2026-10-27")]
    [InlineData(StatisticsPeriodKind.ThisQuarter, "2026-10-01~2026-11-27", "2026-07-01~2026-08-27")]
    [InlineData(StatisticsPeriodKind.ThisHalfYear, "2026-07-01~2026-11-27", "2026-01-01~2026-05-27")]
    [InlineData(StatisticsPeriodKind.ThisYear, "2026-01-01~2026-11-27", "2025-01-01~2025-11-27")]
    public void Should_run_the_calendar_period_to_today_against_the_same_span_one_period_earlier(StatisticsPeriodKind kind, string days, string previous)
    {
        var period = new StatisticsPeriod(kind);

        Assert.Equal(days, StatisticsExport.Range(period.Days(Today)));
        Assert.Equal(previous, StatisticsExport.Range(period.Previous(Today)));
    }

    [Theory]
    [InlineData(StatisticsPeriodKind.LastQuarter, "2026-07-01~2026-09-30", "2026-04-01~2026-06-30")]
    [InlineData(StatisticsPeriodKind.Last90Days, "2026-09-09~2026-12-07", "2026-06-11~2026-09-08")]
    public void Should_take_the_last_full_quarter_or_the_last_90_days_against_the_same_span_before(StatisticsPeriodKind kind, string days, string previous)
    {
        var december7 = new DateOnly(2026, 12, 7);
        var period = new StatisticsPeriod(kind);

        Assert.Equal(days, StatisticsExport.Range(period.Days(december7)));
        Assert.Equal(previous, StatisticsExport.Range(period.Previous(december7)));
    }

    [Fact]
    public void Should_take_whole_months_for_a_custom_period_and_compare_with_as_many_whole_months_before()
    {
        var period = new StatisticsPeriod(StatisticsPeriodKind.Custom, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 1));

        Assert.Equal("2026-02-01~2026-04-30", StatisticsExport.Range(period.Days(Today)));
        Assert.Equal("2025-11-01~2026-01-31", StatisticsExport.Range(period.Previous(Today)));
        Assert.Equal(3, period.Days(Today).Months);
    }

    [Fact]
    public void Should_stop_a_custom_period_that_reaches_this_month_at_today()
    {
        var period = new StatisticsPeriod(StatisticsPeriodKind.Custom, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));

        Assert.Equal("2026-10-01~2026-11-27", StatisticsExport.Range(period.Days(Today)));
        Assert.Equal("2026-08-01~2026-09-27", StatisticsExport.Range(period.Previous(Today)));
    }

    [Fact]
    public void Should_compare_a_month_ending_on_its_last_day_with_the_whole_previous_month()
    {
        var period = new StatisticsPeriod(StatisticsPeriodKind.ThisMonth);

        Assert.Equal("2026-02-01~2026-02-28", StatisticsExport.Range(period.Previous(new DateOnly(2026, 3, 31))));
        Assert.Equal("2026-04-01~2026-04-30", StatisticsExport.Range(period.Previous(new DateOnly(2026, 5, 31))));
    }

    [Fact]
    public void Should_list_the_months_of_a_period()
    {
        var days = new StatisticsPeriod(StatisticsPeriodKind.ThisQuarter).Days(Today);

        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)], days.MonthStarts());
    }
}
