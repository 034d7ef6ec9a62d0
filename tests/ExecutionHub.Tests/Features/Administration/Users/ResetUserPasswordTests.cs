using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Features.Administration.Users;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Users;

public sealed class ResetUserPasswordTests
{
    [Fact]
    public async Task Reset_password_lets_the_user_sign_in_with_the_new_one()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var before = await app.UserAsync("grid.sun");

        await app.SendAsync(new ResetUserPassword { Id = before.Id, NewPassword = UserAdministrationTestKit.NewPassword });

        Assert.True((await app.TrySignInAsync("grid.sun", UserAdministrationTestKit.NewPassword)).Succeeded);
        Assert.False((await app.TrySignInAsync("grid.sun", TestApp.DemoPassword)).Succeeded);
        Assert.NotEqual(before.SecurityStamp, (await app.UserAsync("grid.sun")).SecurityStamp);
        Assert.Equal("grid.sun", Assert.Single(await app.AuditAsync("User.ResetPassword")).Subject);
    }

    [Fact]
    public async Task Reset_password_lifts_a_lockout()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var user = await app.UserAsync("coord.zhao");
        await LockOutAsync(app, user.Id);
        Assert.True((await app.TrySignInAsync("coord.zhao", TestApp.DemoPassword)).IsLockedOut);

        await app.SendAsync(new ResetUserPassword { Id = user.Id, NewPassword = UserAdministrationTestKit.NewPassword });

        Assert.True((await app.TrySignInAsync("coord.zhao", UserAdministrationTestKit.NewPassword)).Succeeded);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_and_the_old_one_still_works()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var user = await app.UserAsync("grid.sun");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new ResetUserPassword { Id = user.Id, NewPassword = "abc" }));

        Assert.All(refused.Errors, e => Assert.Equal(nameof(ResetUserPassword.NewPassword), e.PropertyName));
        Assert.True((await app.TrySignInAsync("grid.sun", TestApp.DemoPassword)).Succeeded);
        Assert.Empty(await app.AuditAsync("User.ResetPassword"));
    }

    [Fact]
    public async Task Unlocking_a_locked_out_user_lets_them_sign_in_again()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var user = await app.UserAsync("judge.li");
        await LockOutAsync(app, user.Id);

        await app.SendAsync(new UnlockUser(user.Id));

        Assert.True((await app.TrySignInAsync("judge.li", TestApp.DemoPassword)).Succeeded);
        Assert.Single(await app.AuditAsync("User.Unlock"));
    }

    internal static async Task LockOutAsync(TestApp app, string userId)
    {
        await using var db = await app.DbAsync();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        // Far ahead of both the fake clock and the real one, whichever Identity consults.
        user.LockoutEnd = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        user.AccessFailedCount = 5;
        await db.SaveChangesAsync();
    }
}
