using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Home;

namespace ExecutionHub.Tests.Features.Home;

public sealed class HomeOverviewTests
{
    [Fact]
    public async Task Judge_sees_only_their_own_cases_and_their_open_matters()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var mine = await data.AddCaseAsync(data.Judge);
        await data.AddCaseAsync(data.Judge, CaseStatus.Paid);
        var theirs = await data.AddCaseAsync(data.OtherJudge);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await data.AddMatterAsync(mine, now.AddHours(-2));
        await data.AddMatterAsync(mine, now.AddHours(-50), MatterStatus.FedBack);
        await data.AddMatterAsync(theirs, now.AddHours(-1));
        data.ActAs(data.Judge, Roles.Judge);

        var overview = await app.SendAsync(new GetJudgeOverview());

        Assert.Equal((2, 1, 1), (overview.MyCases, overview.MyCasesInExecution, overview.OpenMattersOfMyCases));
        Assert.Equal(2, overview.RecentMatters.Count);
        Assert.All(overview.RecentMatters, m => Assert.Equal("张*丰", m.Target));
    }

    [Fact]
    public async Task Coordinator_counts_matters_due_within_a_day_and_overdue_by_the_clock()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var @case = await data.AddCaseAsync(data.Judge);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await data.AddMatterAsync(@case, now.AddHours(-10));
        await data.AddMatterAsync(@case, now.AddHours(-60));
        await data.AddMatterAsync(@case, now.AddHours(-73));
        data.ActAsStreet(Roles.Coordinator, data.Street.Id);

        var before = await app.SendAsync(new GetStreetWorkload());
        app.Clock.Advance(TimeSpan.FromHours(13));
        var after = await app.SendAsync(new GetStreetWorkload());

        Assert.Equal((3, 1, 1), (before.OpenMatters, before.DueWithinDay, before.Overdue));
        Assert.Equal((3, 0, 2), (after.OpenMatters, after.DueWithinDay, after.Overdue));
    }

    [Fact]
    public async Task Street_officer_sees_fewer_than_three_cases_as_suppressed_and_no_amounts()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        await data.AddCaseAsync(data.Judge, owed: 5_000m);
        await data.AddCaseAsync(data.Judge, owed: 7_000m);
        data.ActAsStreet(Roles.StreetOfficer, data.Street.Id);

        var overview = await app.SendAsync(new GetStreetOverview());

        Assert.Equal("<3", overview.Cases.ToString());
        Assert.Equal(0m, overview.AmountOwed);
    }

    [Fact]
    public async Task Street_officer_sees_totals_once_there_are_three_cases()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        await data.AddCaseAsync(data.Judge, owed: 5_000m, recovered: 1_000.50m);
        await data.AddCaseAsync(data.Judge, owed: 7_000m);
        await data.AddCaseAsync(data.Judge, CaseStatus.Paid, owed: 8_000.25m, recovered: 8_000.25m);
        data.ActAsStreet(Roles.StreetOfficer, data.Street.Id);

        var overview = await app.SendAsync(new GetStreetOverview());

        Assert.Equal("3", overview.Cases.ToString());
        Assert.Equal("<3", overview.InExecution.ToString());
        Assert.Equal((20_000.25m, 9_000.75m), (overview.AmountOwed, overview.AmountRecovered));
    }

    [Fact]
    public async Task Administrator_overview_counts_the_demo_organisation()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var overview = await app.SendAsync(new GetAdminOverview());

        Assert.Equal((1, 2, 10, 20), (overview.Courts, overview.Streets, overview.Communities, overview.Grids));
        Assert.Equal(150, overview.Cases);
    }

    [Fact]
    public async Task Grid_worker_and_agent_see_where_they_work()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);

        await app.SignInAsAsync("grid.liu");
        var grid = await app.SendAsync(new GetGridWorkerOverview());
        await app.SignInAsAsync("police.xu");
        var agency = await app.SendAsync(new GetAgencyOverview());

        Assert.Equal(("平凉一居委第1网格", "平凉一居委", "平凉路街道"), (grid.GridName, grid.CommunityName, grid.StreetName));
        Assert.Equal(PartnerAgencyKind.Police, agency.Kind);
    }
}
