using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Statistics;

namespace ExecutionHub.Tests.Features.Statistics;

/// <summary>
/// The period /statistics opens on, on 7 December 2026 (the last full quarter is 2026-07-01~2026-09-30,
/// the last 90 days 2026-09-09~2026-12-07): never "this month", which is all zeros early in a month.
/// </summary>
public sealed class ChooseStatisticsPeriodTests : IAsyncLifetime
{
    private TestApp app = default!;
    private HandBuiltData data = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        data = await new HandBuiltData(app).WithOrganisationAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<StatisticsPeriodChoice> ChooseAsync()
    {
        data.ActAsStreet(Roles.StreetOfficer, data.Street.Id);
        return await app.SendAsync(new ChooseStatisticsPeriod());
    }

    [Fact]
    public async Task Should_open_on_the_last_full_quarter_when_the_street_has_cases_in_it()
    {
        await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 9, 30));
        await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 12, 1));

        var choice = await ChooseAsync();

        Assert.Equal(new StatisticsPeriod(StatisticsPeriodKind.LastQuarter), choice.Period);
        Assert.Equal(StatisticsPeriodReason.LastQuarterHasData, choice.Reason);
        var statistics = await app.SendAsync(new GetStreetStatistics(choice.Period));
        Assert.Equal("2026-07-01~2026-09-30", StatisticsExport.Range(statistics.Period));
    }

    [Fact]
    public async Task Should_open_on_the_last_90_days_when_the_last_full_quarter_is_empty_but_they_are_not()
    {
        // Filed in the second quarter and on 1 October: neither is in the third quarter.
        await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 6, 30));
        await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 10, 1));

        var choice = await ChooseAsync();

        Assert.Equal(new StatisticsPeriod(StatisticsPeriodKind.Last90Days), choice.Period);
        Assert.Equal(StatisticsPeriodReason.LastQuarterEmpty, choice.Reason);
        var statistics = await app.SendAsync(new GetStreetStatistics(choice.Period));
        Assert.Equal("2026-09-09~2026-12-07", StatisticsExport.Range(statistics.Period));
    }

    [Fact]
    public async Task Should_open_on_the_last_90_days_and_say_there_is_no_data_when_neither_period_has_any()
    {
        // Another street's case in the third quarter is not this street's data.
        var other = new Street { Name = "他街道", CourtId = data.Court.Id };
        await using (var db = await app.DbAsync())
        {
            db.Streets.Add(other);
            await db.SaveChangesAsync();
        }

        await data.AddCaseAsync(data.Judge, street: other, filedOn: new DateOnly(2026, 8, 1));
        await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 3, 1));

        var choice = await ChooseAsync();

        Assert.Equal(new StatisticsPeriod(StatisticsPeriodKind.Last90Days), choice.Period);
        Assert.Equal(StatisticsPeriodReason.NoData, choice.Reason);
    }
}
