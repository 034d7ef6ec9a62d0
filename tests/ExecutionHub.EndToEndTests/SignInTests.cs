using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class SignInTests(AppFixture app) : BrowserTest(app)
{
    [Theory]
    [InlineData("admin", "系统管理概览", true)]
    [InlineData("judge.wang", "执行法官工作台", false)]
    [InlineData("coord.chen", "工作站协调台", false)]
    [InlineData("grid.liu", "我的核查任务", false)]
    [InlineData("street.huang", "街道涉执概况", false)]
    [InlineData("police.xu", "协作单位任务", false)]
    public Task Each_demo_role_signs_in_to_its_own_home_page_in_chinese_under_the_demo_banner(string userName, string homeTitle, bool seesAdministration) =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, userName);

            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByTestId("home-title")).ToHaveTextAsync(homeTitle);
            await Expect(page.GetByTestId("nav-menu")).ToContainTextAsync("首页");
            // The demo's accounts have the published password: every page says so, in red.
            await Expect(page.GetByTestId("demo-banner")).ToContainTextAsync("演示数据");
            var administration = page.GetByTestId("nav-menu").GetByText("系统管理");
            if (seesAdministration)
            {
                await Expect(administration).ToBeVisibleAsync();
            }
            else
            {
                await Expect(administration).ToHaveCountAsync(0);
            }
        });

    [Fact]
    public Task Wrong_password_is_refused_with_a_message_and_no_session() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "judge.li", "not-the-password-1");

            await Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("用户名或密码错误，或该账户暂时不能登录。");
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
        });

    [Fact]
    public Task Switching_to_english_translates_the_page_and_is_remembered_for_the_user() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "coord.zhao");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("home-title")).ToHaveTextAsync("工作站协调台");

            await page.GetByTestId("culture-switch").ClickAsync();
            await page.GetByTestId("culture-en").ClickAsync();

            await Expect(page.GetByTestId("home-title")).ToHaveTextAsync("Workstation desk");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            var ui = await UiTextAsync(page);
            Assert.False(HasChinese(ui), $"Chinese text left after switching to English: {ui}");

            // A new browser (no culture cookie) gets English from the user's saved preference.
            await OnPageAsync(async other =>
            {
                await SignInAsync(other, "coord.zhao");
                await Expect(other.GetByTestId("home-title")).ToHaveTextAsync("Workstation desk");
            });
        });

    [Fact]
    public Task English_chosen_on_the_sign_in_page_wins_over_a_saved_chinese_preference_and_is_kept() =>
        OnPageAsync(async page =>
        {
            await SavePreferenceAsync("grid.w07", "zh-CN");

            await page.GotoAsync("/account/signin");
            await page.GetByTestId("signin-english").ClickAsync();
            await Expect(page.GetByTestId("signin-submit")).ToHaveTextAsync("Sign in");
            await page.GetByTestId("signin-username").FillAsync("grid.w07");
            await page.GetByTestId("signin-password").FillAsync(DemoPassword);
            await page.GetByTestId("signin-submit").ClickAsync();

            await Expect(page.GetByTestId("home-title")).ToHaveTextAsync("My verification tasks");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            Assert.Equal("en", await SavedPreferenceAsync("grid.w07"));

            await WaitForCircuitAsync(page);
            await page.GetByTestId("user-menu-button").ClickAsync();
            await page.GetByTestId("sign-out").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
            await SignInAsync(page, "grid.w07");
            await Expect(page.GetByTestId("home-title")).ToHaveTextAsync("My verification tasks");

            // A browser without the language cookie: the choice was saved as the user's preference.
            await OnPageAsync(async other =>
            {
                await SignInAsync(other, "grid.w07");
                await Expect(other.GetByTestId("home-title")).ToHaveTextAsync("My verification tasks");
            });
        });

    [Fact]
    public Task A_language_left_in_the_browser_by_someone_else_does_not_override_the_users_preference() =>
        OnPageAsync(async page =>
        {
            await SavePreferenceAsync("grid.w08", "zh-CN");
            await page.GotoAsync("/culture/apply?culture=en&returnUrl=%2Faccount%2Fsignin");
            await Expect(page.GetByTestId("signin-submit")).ToHaveTextAsync("Sign in");

            await SignInAsync(page, "grid.w08");

            await Expect(page.GetByTestId("home-title")).ToHaveTextAsync("我的核查任务");
            Assert.Equal("zh-CN", await SavedPreferenceAsync("grid.w08"));
        });

    private async Task SavePreferenceAsync(string userName, string culture)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, culture));
    }

    private async Task<string?> SavedPreferenceAsync(string userName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Culture).SingleAsync();
    }

    [Fact]
    public Task Sign_out_ends_the_session() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "grid.sun");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("user-menu-button").ClickAsync();
            await page.GetByTestId("sign-out").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
        });

    [Fact]
    public Task Grid_worker_home_fits_a_phone_screen() =>
        OnPageAsync(
            async page =>
            {
                await SignInAsync(page, "grid.liu");
                await Expect(page.GetByTestId("home-title")).ToHaveTextAsync("我的核查任务");
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
                Assert.False(overflow, "the page scrolls sideways on a 390px-wide phone");
            },
            new ViewportSize { Width = 390, Height = 844 });

    [Fact]
    public Task The_browser_finds_the_apps_icon_at_favicon_ico_and_at_the_pages_icon_links() =>
        OnPageAsync(async page =>
        {
            await page.GotoAsync("/account/signin");

            var favicon = await page.APIRequest.GetAsync("/favicon.ico");
            Assert.Equal(200, favicon.Status);
            Assert.Equal("image/x-icon", favicon.Headers["content-type"]);
            Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await favicon.BodyAsync()).Take(4));

            var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('head link[rel=icon]')).map(l => l.href)");
            Assert.Equal(2, links.Length);
            foreach (var link in links)
            {
                var icon = await page.APIRequest.GetAsync(link);
                Assert.True(icon.Status == 200, $"{link} answered {icon.Status}");
                Assert.StartsWith("image/", icon.Headers["content-type"], StringComparison.Ordinal);
            }
        });

    /// <summary>The page's own words: the title, navigation, headings, labels, table headers and alerts; not the data rows.</summary>
    private static Task<string> UiTextAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => Array.from(document.querySelectorAll('.app-title, .mud-navmenu, h1, .mud-alert-message, th, .figure-card .mud-typography-body2'))
            .map(e => e.innerText).join(' | ')
        """);

    private static bool HasChinese(string text) => ChineseCharacter().IsMatch(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseCharacter();
}
