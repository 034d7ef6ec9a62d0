using System.Globalization;
using ExecutionHub.Tests.Features.Administration.Users;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Startup;

/// <summary>
/// The one-time command-line steps: the first administrator of a real installation (<c>--create-admin</c>,
/// through the user dialog's rules) and making a demo database safe to keep (<c>--remove-demo</c>).
/// </summary>
public sealed class CommandLineStepTests : IDisposable
{
    private const string Password = "Chief#Secret2026";
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public CommandLineStepTests() => CultureInfo.CurrentUICulture = new CultureInfo("en");

    [Fact]
    public async Task Should_create_the_first_administrator_once_and_refuse_a_second()
    {
        await using var app = await TestApp.CreateAsync();
        var output = new StringWriter();

        Assert.Equal(0, await CommandLineStep.CreateAdminAsync(app.Services, "chief", Password, output));
        Assert.Equal(1, await CommandLineStep.CreateAdminAsync(app.Services, "deputy", Password, output));

        Assert.Equal([Roles.Administrator], await app.RolesOfAsync("chief"));
        Assert.True((await app.TrySignInAsync("chief", Password)).Succeeded);
        Assert.Equal("chief", Assert.Single(await app.AuditAsync("User.Create")).Subject);
        await using var db = await app.DbAsync();
        Assert.DoesNotContain(db.Users, u => u.UserName == "deputy");
        Assert.Contains("Administrator chief created.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("An enabled administrator exists (chief)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_password_the_policy_refuses_and_create_nothing()
    {
        await using var app = await TestApp.CreateAsync();
        var output = new StringWriter();

        Assert.Equal(1, await CommandLineStep.CreateAdminAsync(app.Services, "chief", "short1", output));

        await using var db = await app.DbAsync();
        Assert.Empty(db.Users);
        Assert.Contains("The administrator was not created:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_user_name_the_user_dialog_refuses()
    {
        await using var app = await TestApp.CreateAsync();

        Assert.Equal(1, await CommandLineStep.CreateAdminAsync(app.Services, "chief admin", Password, TextWriter.Null));

        await using var db = await app.DbAsync();
        Assert.Empty(db.Users);
    }

    [Fact]
    public async Task Should_generate_a_password_the_policy_accepts_and_show_it_once_when_none_is_given()
    {
        await using var app = await TestApp.CreateAsync();
        var output = new StringWriter();

        Assert.Equal(0, await CommandLineStep.CreateAdminAsync(app.Services, "chief", null, output));

        var shown = output.ToString().Split("keep it safe): ")[1].Trim();
        Assert.True(shown.Length >= 20, shown);
        Assert.True((await app.TrySignInAsync("chief", shown)).Succeeded);
    }

    [Fact]
    public void Should_generate_passwords_with_every_kind_of_character_the_policy_asks_for()
    {
        var policy = new PasswordOptions { RequiredLength = 24, RequireNonAlphanumeric = true, RequireUppercase = true };

        var password = CommandLineStep.GeneratePassword(policy);

        Assert.Equal(24, password.Length);
        Assert.Contains(password, char.IsAsciiLetterLower);
        Assert.Contains(password, char.IsAsciiLetterUpper);
        Assert.Contains(password, char.IsAsciiDigit);
        Assert.Contains(password, c => !char.IsAsciiLetterOrDigit(c));
        Assert.NotEqual(password, CommandLineStep.GeneratePassword(policy));
    }

    [Fact]
    public async Task Should_refuse_while_the_demo_administrator_is_enabled_and_create_after_remove_demo()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var output = new StringWriter();

        Assert.Equal(1, await CommandLineStep.CreateAdminAsync(app.Services, "chief", Password, output));
        Assert.Contains(CommandLineStep.RemoveDemo, output.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, await CommandLineStep.RemoveDemoAsync(app.Services, output));
        Assert.Contains("The demo API key is revoked.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await CommandLineStep.CreateAdminAsync(app.Services, "chief", Password, output));
        Assert.True((await app.TrySignInAsync("chief", Password)).Succeeded);
        Assert.True((await app.TrySignInAsync("admin", TestApp.DemoPassword)).IsNotAllowed);

        var again = new StringWriter();
        Assert.Equal(0, await CommandLineStep.RemoveDemoAsync(app.Services, again));
        Assert.Contains("nothing to do", again.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--create-admin", "chief", "--urls", "http://0.0.0.0:8080" }, "chief", new[] { "--urls", "http://0.0.0.0:8080" })]
    [InlineData(new[] { "--contentRoot", "/srv/eh", "--remove-demo" }, null, new[] { "--contentRoot", "/srv/eh" })]
    [InlineData(new[] { "--remove-demo", "--contentRoot", "/srv/eh" }, null, new[] { "--contentRoot", "/srv/eh" })]
    [InlineData(new[] { "--create-admin", "--urls", "http://localhost:5000" }, null, new[] { "--urls", "http://localhost:5000" })]
    public void Should_take_the_step_out_of_the_arguments_and_leave_the_rest_to_the_host(string[] args, string? userName, string[] hostArgs)
    {
        var (step, rest) = CommandLineStep.Parse(args);

        Assert.NotNull(step);
        Assert.Equal(userName, step.UserName);
        Assert.Equal(hostArgs, rest);
    }

    [Fact]
    public void Should_leave_the_arguments_alone_without_a_step()
    {
        string[] args = ["--urls", "http://localhost:5000"];

        var (step, rest) = CommandLineStep.Parse(args);

        Assert.Null(step);
        Assert.Equal(args, rest);
    }

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}
