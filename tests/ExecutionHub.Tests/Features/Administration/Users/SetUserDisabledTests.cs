using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Users;

public sealed class SetUserDisabledTests
{
    [Fact]
    public async Task Disabled_user_cannot_sign_in()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var before = await app.UserAsync("police.xu");

        await app.SendAsync(new SetUserDisabled(before.Id, Disabled: true));

        var after = await app.UserAsync("police.xu");
        Assert.True(after.IsDisabled);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.True((await app.TrySignInAsync("police.xu", TestApp.DemoPassword)).IsNotAllowed);
        Assert.Equal("police.xu", Assert.Single(await app.AuditAsync("User.Disable")).Subject);
    }

    [Fact]
    public async Task Enabled_again_the_user_signs_in_as_before()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var user = await app.UserAsync("hr.he");
        await app.SendAsync(new SetUserDisabled(user.Id, Disabled: true));

        await app.SendAsync(new SetUserDisabled(user.Id, Disabled: false));

        Assert.False((await app.UserAsync("hr.he")).IsDisabled);
        Assert.True((await app.TrySignInAsync("hr.he", TestApp.DemoPassword)).Succeeded);
        Assert.Single(await app.AuditAsync("User.Enable"));
    }

    [Fact]
    public async Task Administrator_cannot_disable_themselves()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var admin = await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new SetUserDisabled(admin.Id, Disabled: true)));

        Assert.Equal("Admin.Users.CannotDisableSelf", refused.MessageKey);
        Assert.False((await app.UserAsync("admin")).IsDisabled);
        Assert.Empty(await app.AuditAsync("User.Disable"));
    }

    [Fact]
    public async Task Judge_cannot_disable_users()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");
        var target = await app.UserAsync("grid.sun");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new SetUserDisabled(target.Id, Disabled: true)));

        await using var db = await app.DbAsync();
        Assert.False(await db.Users.Where(u => u.Id == target.Id).Select(u => u.IsDisabled).SingleAsync());
    }
}
