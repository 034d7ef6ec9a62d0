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

    [Fact]
    public async Task Wrong_password_shows_a_message_and_counts_the_failure()
    {
        var cut = RenderPage();

        Submit(cut, "judge.wang", "wrong-password-123");

        Assert.Equal("用户名或密码错误。", cut.Find("[data-testid=signin-error]").TextContent.Trim());
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Users.Where(u => u.UserName == "judge.wang").Select(u => u.AccessFailedCount).SingleAsync());
    }

    [Fact]
    public void Five_wrong_passwords_lock_the_account_out()
    {
        var cut = RenderPage();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Submit(cut, "coord.chen", "wrong-password-123");
        }

        Assert.Contains("已临时锁定", cut.Find("[data-testid=signin-error]").TextContent);
    }

    [Fact]
    public async Task Disabled_account_is_told_it_is_disabled()
    {
        await using (var db = await app.DbAsync())
        {
            await db.Users.Where(u => u.UserName == "grid.sun").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        var cut = RenderPage();
        Submit(cut, "grid.sun", TestApp.DemoPassword);

        Assert.Equal("该账户已停用，请联系管理员。", cut.Find("[data-testid=signin-error]").TextContent.Trim());
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
