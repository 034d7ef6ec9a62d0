using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;

namespace ExecutionHub.Tests.Features.Administration.Users;

public sealed class UpdateUserTests
{
    [Fact]
    public async Task Moving_a_grid_worker_to_coordinator_replaces_role_and_scope_and_renews_the_security_stamp()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var before = await app.UserAsync("grid.liu");
        var streetId = await app.StreetIdAsync();

        await app.SendAsync(new UpdateUser { Id = before.Id, DisplayName = "刘建国", Role = Roles.Coordinator, StreetId = streetId, GridId = before.GridId });

        var after = await app.UserAsync("grid.liu");
        Assert.Equal([Roles.Coordinator], await app.RolesOfAsync("grid.liu"));
        Assert.Equal(streetId, after.StreetId);
        Assert.Null(after.GridId);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        var audit = Assert.Single(await app.AuditAsync("User.Update"));
        Assert.Equal("grid.liu", audit.Subject);
        Assert.Equal($"Coordinator street={streetId}", audit.Detail);
    }

    [Fact]
    public async Task Renaming_a_user_keeps_their_sessions()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var before = await app.UserAsync("judge.li");

        await app.SendAsync(new UpdateUser { Id = before.Id, DisplayName = "李晓梅（执行局）", Role = Roles.Judge, CourtId = before.CourtId });

        var after = await app.UserAsync("judge.li");
        Assert.Equal("李晓梅（执行局）", after.DisplayName);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Single(await app.AuditAsync("User.Update"));
    }

    [Fact]
    public async Task Administrator_cannot_remove_their_own_administrator_role()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var admin = await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(
            new UpdateUser { Id = admin.Id, DisplayName = "系统管理员", Role = Roles.Coordinator, StreetId = 1 }));

        Assert.Equal("Admin.Users.CannotDemoteSelf", refused.MessageKey);
        Assert.Equal([Roles.Administrator], await app.RolesOfAsync("admin"));
        Assert.Empty(await app.AuditAsync("User.Update"));
    }

    [Fact]
    public async Task Changing_a_street_officer_to_a_street_that_does_not_exist_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var officer = await app.UserAsync("street.huang");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(
            new UpdateUser { Id = officer.Id, DisplayName = officer.DisplayName, Role = Roles.StreetOfficer, StreetId = 424242 }));

        Assert.Equal(nameof(UpdateUser.StreetId), Assert.Single(refused.Errors).PropertyName);
        Assert.Equal(officer.StreetId, (await app.UserAsync("street.huang")).StreetId);
    }

    [Fact]
    public async Task Updating_a_user_that_does_not_exist_reports_not_found()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(
            new UpdateUser { Id = "no-such-user", DisplayName = "无", Role = Roles.Administrator }));
    }
}
