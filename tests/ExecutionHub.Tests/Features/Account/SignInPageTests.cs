using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Features.Account;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Account;

public sealed class SignInPageTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        scope = app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public void Sign_in_form_asks_for_user_name_and_password_in_chinese()
    {
        var cut = RenderPage();

        Assert.Contains("用户名", cut.Markup);
        Assert.Contains("密码", cut.Markup);
        Assert.Equal("登录", cut.Find("[data-testid=signin-submit]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=signin-error]"));
    }

    private const string Refused = "用户名或密码错误，或该账户暂时不能登录。";

    [Fact]
    public void Wrong_password_shows_the_one_refusal_message()
    {
        var cut = RenderPage();

        Submit(cut, "judge.wang", "wrong-password-123");

        Assert.Equal(Refused, cut.Find("[data-testid=signin-error]").TextContent.Trim());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_hold_it_back_for_that_account_without_locking_the_account()
    {
        var cut = RenderPage();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Submit(cut, "coord.chen", "wrong-password-123");
        }

        Submit(cut, "coord.chen", TestApp.DemoPassword);

        Assert.Equal(Refused, cut.Find("[data-testid=signin-error]").TextContent.Trim());
        await using var db = await app.DbAsync();
        Assert.Null(await db.Users.Where(u => u.UserName == "coord.chen").Select(u => u.LockoutEnd).SingleAsync());
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("locked")]
    [InlineData("unknown")]
    public async Task A_disabled_locked_or_unknown_account_gets_the_same_message_as_a_wrong_password(string state)
    {
        await using (var db = await app.DbAsync())
        {
            var user = db.Users.Where(u => u.UserName == "grid.sun");
            if (state == "disabled")
            {
                await user.ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
            }
            else
            {
                await user.ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnabled, true).SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)));
            }
        }

        var cut = RenderPage();
        Submit(cut, state == "unknown" ? "nobody.here" : "grid.sun", TestApp.DemoPassword);

        Assert.Equal(Refused, cut.Find("[data-testid=signin-error]").TextContent.Trim());
    }

    private IRenderedComponent<SignInPage> RenderPage() =>
        Render<SignInPage>(p => p.AddCascadingValue<HttpContext>(new DefaultHttpContext()));

    private static void Submit(IRenderedComponent<SignInPage> cut, string userName, string password)
    {
        cut.Find("#username").Change(userName);
        cut.Find("#password").Change(password);
        cut.Find("form").Submit();
    }
}
