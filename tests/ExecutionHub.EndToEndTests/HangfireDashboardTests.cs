using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class HangfireDashboardTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Anonymous_visitor_is_sent_to_sign_in_instead_of_the_dashboard() =>
        OnPageAsync(async page =>
        {
            await page.GotoAsync("/hangfire");

            await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
        });

    [Theory]
    [InlineData("judge.wang")]
    [InlineData("grid.liu")]
    [InlineData("street.huang")]
    public Task Non_administrators_are_refused_the_dashboard(string userName) =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, userName);
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();

            var response = await page.GotoAsync("/hangfire");

            await Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
            Assert.DoesNotContain("Hangfire", await page.TitleAsync());
            Assert.NotNull(response);
        });

    [Fact]
    public Task Administrator_sees_the_dashboard() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();

            var response = await page.GotoAsync("/hangfire");

            Assert.Equal(200, response!.Status);
            await Expect(page).ToHaveTitleAsync(new Regex("Hangfire"));
            await Expect(page.Locator("body")).ToContainTextAsync("Recurring");
        });

    [Fact]
    public Task Administrator_sees_the_sweep_and_outbox_jobs_by_name() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();

            await page.GotoAsync("/hangfire/recurring");

            await Expect(page.Locator("body")).ToContainTextAsync("deadline-sweep");
            await Expect(page.Locator("body")).ToContainTextAsync("deliver-outbox");
        });
}
