using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ExecutionHub.EndToEndTests;

/// <summary>Shared steps: sign in, wait for the circuit, and keep a screenshot of any failure.</summary>
public abstract class BrowserTest(AppFixture app)
{
    public const string DemoPassword = "Demo#Pass2026";

    protected AppFixture App { get; } = app;

    protected static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Runs <paramref name="steps"/> on a fresh page; on failure saves screenshots/{test}.png and rethrows.</summary>
    protected async Task OnPageAsync(Func<IPage, Task> steps, ViewportSize? viewport = null, [CallerMemberName] string test = "")
    {
        var page = await App.NewPageAsync(viewport);
        try
        {
            await steps(page);
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{test}.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    protected static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByTestId("signin-username").FillAsync(userName);
        await page.GetByTestId("signin-password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
    }

    /// <summary>Keeps a full-page screenshot as screenshots/{name}.png and fails if the page is wider than the viewport (a phone).</summary>
    protected static async Task AssertFitsTheScreenAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
    }

    /// <summary>
    /// Picks <paramref name="option"/> in the select with that test id and waits until the select shows it and its list
    /// has closed: on a busy machine the next step otherwise types into a form whose choice the server has not yet had.
    /// </summary>
    protected static async Task ChooseAsync(IPage page, string selectTestId, string option)
    {
        await page.GetByTestId(selectTestId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId(selectTestId)).ToHaveValueAsync(option);
    }

    /// <summary>Clicks on the prerendered page do nothing: wait until the layout has rendered interactively.</summary>
    protected static Task WaitForCircuitAsync(IPage page) =>
        page.GetByTestId("circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = (float)TestTimeouts.Page.TotalMilliseconds });
}
