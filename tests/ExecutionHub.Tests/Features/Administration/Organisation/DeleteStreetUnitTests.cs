using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

public sealed class DeleteStreetUnitTests
{
    [Fact]
    public async Task Grid_with_workers_cannot_be_deleted()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var gridId = await app.GridIdAsync("平凉一居委第1网格");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new DeleteStreetUnit(StreetUnitKind.Grid, gridId)));

        Assert.Equal("Admin.Org.GridHasWorkers", Assert.Single(refused.Errors).ErrorCode);
        await using var db = await app.DbAsync();
        Assert.True(await db.Grids.AnyAsync(g => g.Id == gridId));
        Assert.Empty(await app.AuditAsync("Org.GridDeleted"));
    }

    [Fact]
    public async Task Coordinator_deletes_an_empty_grid_then_the_empty_community()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        var communityId = await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Community, ParentId = await app.StreetIdAsync(OrgTestData.Pingliang), Name = "新华居委" });
        var gridId = await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, ParentId = communityId, Name = "新华居委第1网格" });

        var stillHasGrid = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new DeleteStreetUnit(StreetUnitKind.Community, communityId)));
        await app.SendAsync(new DeleteStreetUnit(StreetUnitKind.Grid, gridId));
        await app.SendAsync(new DeleteStreetUnit(StreetUnitKind.Community, communityId));

        Assert.Equal("Admin.Org.CommunityHasGrids", Assert.Single(stillHasGrid.Errors).ErrorCode);
        await using var db = await app.DbAsync();
        Assert.False(await db.Communities.AnyAsync(c => c.Id == communityId));
        Assert.Single(await app.AuditAsync("Org.GridDeleted"));
        Assert.Single(await app.AuditAsync("Org.CommunityDeleted"));
    }

    [Fact]
    public async Task Community_with_cases_cannot_be_deleted()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await using var db = await app.DbAsync();
        var communityId = await db.Cases.Where(c => c.CommunityId != null).Select(c => c.CommunityId!.Value).FirstAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new DeleteStreetUnit(StreetUnitKind.Community, communityId)));

        Assert.Contains(refused.Errors, e => e.ErrorCode == "Admin.Org.CommunityHasCases");
        Assert.True(await db.Communities.AnyAsync(c => c.Id == communityId));
    }

    [Fact]
    public async Task Coordinator_cannot_delete_a_grid_of_another_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var communityId = await app.CommunityIdAsync("平凉一居委");
        var gridId = await app.SendAsync(new SaveStreetUnit { Kind = StreetUnitKind.Grid, ParentId = communityId, Name = "空网格" });
        await app.SignInAsAsync("coord.zhao");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new DeleteStreetUnit(StreetUnitKind.Grid, gridId)));

        await using var db = await app.DbAsync();
        Assert.True(await db.Grids.AnyAsync(g => g.Id == gridId));
    }
}
