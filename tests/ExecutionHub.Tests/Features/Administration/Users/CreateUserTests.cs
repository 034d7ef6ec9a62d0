using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Users;

public sealed class CreateUserTests
{
    [Fact]
    public async Task Administrator_creates_a_grid_worker_scoped_to_a_grid()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var admin = await app.SignInAsAsync("admin");
        var gridId = await app.GridIdAsync();

        var id = await app.SendAsync(UserAdministrationTestKit.NewGridWorker(gridId));

        var user = await app.UserAsync("grid.new");
        Assert.Equal(id, user.Id);
        Assert.Equal("周新", user.DisplayName);
        Assert.Equal(gridId, user.GridId);
        Assert.Null(user.StreetId);
        Assert.False(user.IsDisabled);
        Assert.Equal(TestApp.Start.UtcDateTime, user.CreatedAtUtc);
        Assert.Equal([Roles.GridWorker], await app.RolesOfAsync("grid.new"));
        Assert.True((await app.TrySignInAsync("grid.new", UserAdministrationTestKit.NewPassword)).Succeeded);

        var audit = Assert.Single(await app.AuditAsync("User.Create"));
        Assert.Equal(admin.Id, audit.UserId);
        Assert.Equal("grid.new", audit.Subject);
        Assert.Equal($"GridWorker grid={gridId}", audit.Detail);
        Assert.Equal(TestApp.Start.UtcDateTime, audit.AtUtc);
    }

    [Fact]
    public async Task A_scope_the_role_does_not_need_is_not_kept()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var command = UserAdministrationTestKit.NewGridWorker(await app.GridIdAsync());
        command.StreetId = await app.StreetIdAsync();
        command.CourtId = await app.CourtIdAsync();

        await app.SendAsync(command);

        var user = await app.UserAsync("grid.new");
        Assert.Null(user.StreetId);
        Assert.Null(user.CourtId);
        Assert.NotNull(user.GridId);
    }

    [Fact]
    public async Task Administrator_needs_no_scope()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await app.SendAsync(new CreateUser { UserName = "admin.two", DisplayName = "副管理员", Role = Roles.Administrator, Password = UserAdministrationTestKit.NewPassword });

        Assert.Equal([Roles.Administrator], await app.RolesOfAsync("admin.two"));
    }

    [Fact]
    public async Task Creating_a_user_with_a_short_password_is_refused_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var command = UserAdministrationTestKit.NewGridWorker(await app.GridIdAsync());
        command.Password = "short1";

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(command));

        var failure = Assert.Single(refused.Errors);
        Assert.Equal(nameof(CreateUser.Password), failure.PropertyName);
        Assert.Equal("PasswordTooShort", failure.ErrorCode);
        Assert.Contains("12", failure.ErrorMessage);
        await using var db = await app.DbAsync();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "grid.new"));
        Assert.Empty(await app.AuditAsync("User.Create"));
    }

    [Fact]
    public async Task A_password_without_a_digit_is_refused_by_the_identity_rules()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var command = UserAdministrationTestKit.NewGridWorker(await app.GridIdAsync());
        command.Password = "long-but-no-digits";

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(command));

        Assert.Equal("PasswordRequiresDigit", Assert.Single(refused.Errors).ErrorCode);
    }

    [Theory]
    [InlineData("coord.chen")]
    [InlineData("COORD.CHEN")]
    public async Task Duplicate_user_name_is_refused(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => app.SendAsync(UserAdministrationTestKit.NewGridWorker(0, userName) with { GridId = null, Role = Roles.Administrator }));

        var failure = Assert.Single(refused.Errors);
        Assert.Equal(nameof(CreateUser.UserName), failure.PropertyName);
        Assert.Contains(userName, failure.ErrorMessage);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("张三")]
    [InlineData("has space")]
    [InlineData("a@b")]
    public async Task User_names_are_3_to_50_letters_digits_dots_underscores_or_dashes(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var command = UserAdministrationTestKit.NewGridWorker(await app.GridIdAsync(), userName);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(command));

        Assert.Equal(nameof(CreateUser.UserName), Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task Judge_without_a_court_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(
            new CreateUser { UserName = "judge.new", DisplayName = "新法官", Role = Roles.Judge, Password = UserAdministrationTestKit.NewPassword }));

        Assert.Equal(nameof(CreateUser.CourtId), Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task A_grid_that_does_not_exist_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(UserAdministrationTestKit.NewGridWorker(gridId: 987654)));

        Assert.Equal(nameof(CreateUser.GridId), Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(
            new CreateUser { UserName = "someone", DisplayName = "某人", Role = "SuperUser", Password = UserAdministrationTestKit.NewPassword }));

        Assert.Equal(nameof(CreateUser.Role), Assert.Single(refused.Errors).PropertyName);
    }

    [Fact]
    public async Task Coordinator_cannot_create_users()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(UserAdministrationTestKit.NewGridWorker(1)));
    }
}
