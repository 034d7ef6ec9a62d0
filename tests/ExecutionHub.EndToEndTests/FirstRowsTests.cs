using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// First rows (issue 17.2): the lists and the dashboard come with their first rows in the server's first answer, the
/// circuit that takes the page over shows them without reading them again, and a page opened inside a tab reads its
/// rows once, before its first render.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FirstRowsTests(AppFixture app) : BrowserTest(app)
{
    public static TheoryData<string, string, string, string, string> Lists => new()
    {
        { "coord.chen", "/matters", "nav-matters", "[data-testid^=matter-row-]", "ListMatters" },
        { "judge.wang", "/cases", "nav-cases", "[data-testid=case-row-link]", "ListCases" },
        { "grid.liu", "/tasks", "nav-tasks", "[data-testid^=my-task-]", "ListMyTasks" },
        { "judge.wang", "/dashboard", "nav-dashboard", "[data-testid=figure-Open-value]", "GetHeadlineFigures" },
    };

    public static TheoryData<string, string, string> Pages => new()
    {
        { "coord.chen", "/matters", "[data-testid^=matter-row-]" },
        { "judge.wang", "/cases", "[data-testid=case-row-link]" },
        { "grid.liu", "/tasks", "[data-testid^=my-task-]" },
        { "judge.wang", "/dashboard", "[data-testid=figure-Open-value]" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Should_send_the_first_rows_in_the_servers_first_answer_before_any_script_runs(string user, string url, string rows) =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, user);
            await WaitForCircuitAsync(page);
            var cookies = await page.Context.CookiesAsync();
            var noScript = await App.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = App.BaseAddress.ToString(),
                JavaScriptEnabled = false,
                Locale = "zh-CN",
            });
            try
            {
                await noScript.AddCookiesAsync(cookies.Select(c => new Cookie
                {
                    Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
                }));
                var html = await noScript.NewPageAsync();
                await html.GotoAsync(url);

                // Without a script nothing but the server's HTML is on the page: a grid that loads after its first render shows no row here.
                Assert.True(await html.Locator(rows).CountAsync() > 0, $"{url} sent no rows in its HTML");
            }
            finally
            {
                await noScript.CloseAsync();
            }
        });

    [Theory]
    [MemberData(nameof(Lists))]
    public Task Should_read_the_rows_once_when_a_new_tab_opens_the_page_and_once_when_a_tab_navigates_to_it(string user, string url, string nav, string rows, string query) =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, user);
            await WaitForCircuitAsync(page);

            var before = App.Handled.Count(query);
            var tab = await page.Context.NewPageAsync();
            await tab.GotoAsync(url);
            await WaitForCircuitAsync(tab);
            await Expect(tab.Locator(rows).First).ToBeVisibleAsync();

            // The prerender read the rows; the circuit shows what the prerender persisted instead of reading them again.
            Assert.Equal(1, App.Handled.Count(query) - before);

            await page.GetByTestId(nav).ClickAsync();
            await Expect(page.Locator(rows).First).ToBeVisibleAsync();

            // Read before the grid's first render, and not again when it asks after that render.
            Assert.Equal(2, App.Handled.Count(query) - before);
        });
}
