using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Infrastructure.Mediator;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

public sealed class GetOrganisationTests
{
    [Fact]
    public async Task Administrator_sees_the_whole_court_with_streets_grids_workers_groups_and_agencies()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var view = await app.SendAsync(new GetOrganisation());

        Assert.True(view.ManagesCourts);
        var court = Assert.Single(view.Courts);
        Assert.Equal("沪0110", court.CaseCode);
        Assert.Equal([OrgTestData.Pingliang, OrgTestData.Dinghai], court.Streets.Select(s => s.Name));
        Assert.Equal(4, court.Agencies.Count);

        var pingliang = court.Streets[0];
        Assert.Equal(6, pingliang.Communities.Count);
        var grid = pingliang.Communities.SelectMany(c => c.Grids).Single(g => g.Name == "平凉一居委第1网格");
        Assert.Equal(["刘建国"], grid.Workers.Select(w => w.DisplayName));
        Assert.Equal(
            [WorkingGroupKind.ExecutionInvestigation, WorkingGroupKind.DisputeResolution, WorkingGroupKind.ExecutionPublicity, WorkingGroupKind.HearingAndRelief],
            pingliang.WorkingGroups.Select(g => g.Kind));
        Assert.Contains(pingliang.WorkingGroups[0].Members, m => m.DisplayName == "陈静");
        Assert.Contains(pingliang.Staff, p => p.DisplayName == "黄伟" && p.Role == Roles.StreetOfficer);
        Assert.DoesNotContain(pingliang.Staff, p => p.DisplayName == "赵磊");
    }

    [Fact]
    public async Task Coordinator_sees_their_own_street_only()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");

        var view = await app.SendAsync(new GetOrganisation());

        Assert.False(view.ManagesCourts);
        var street = Assert.Single(Assert.Single(view.Courts).Streets);
        Assert.Equal(OrgTestData.Dinghai, street.Name);
        Assert.All(street.Communities.SelectMany(c => c.Grids).SelectMany(g => g.Workers), w => Assert.Equal(Roles.GridWorker, w.Role));
    }

    [Fact]
    public async Task Grid_worker_cannot_read_the_organisation()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("grid.liu");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetOrganisation()));
    }
}
