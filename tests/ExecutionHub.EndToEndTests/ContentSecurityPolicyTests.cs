using System.Net.WebSockets;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// The Content-Security-Policy lets the app work as it is: signing in, a live page with MudBlazor
/// components and charts, the Hangfire dashboard — with no violation and no console error in Chromium.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ContentSecurityPolicyTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>Records every CSP violation the page reports, from the first script on, in window.__cspViolations.</summary>
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    private static async Task<List<string>> WatchAsync(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        await page.AddInitScriptAsync(RecordViolations);
        return errors;
    }

    private static async Task AssertNoViolationAsync(IPage page, List<string> consoleErrors)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        lock (consoleErrors)
        {
            Assert.Empty(consoleErrors);
        }
    }

    [Fact]
    public Task Signing_in_and_the_dashboard_with_its_charts_run_without_a_csp_violation() =>
        OnPageAsync(async page =>
        {
            var errors = await WatchAsync(page);

            await SignInAsync(page, "judge.wang");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
            await AssertNoViolationAsync(page, errors);

            var response = await page.GotoAsync("/dashboard");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("dashboard-charts").Locator("svg").First).ToBeVisibleAsync();
            // The circuit is live: a click opens a MudBlazor dialog.
            await page.GetByTestId("figure-AverageCycle-info").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();

            Assert.Contains("script-src 'self' 'nonce-", response!.Headers["content-security-policy"], StringComparison.Ordinal);
            await AssertNoViolationAsync(page, errors);
        });

    [Fact]
    public Task The_hangfire_dashboard_carries_the_headers_and_runs_without_a_csp_violation() =>
        OnPageAsync(async page =>
        {
            var errors = await WatchAsync(page);
            await SignInAsync(page, "admin");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();

            var response = await page.GotoAsync("/hangfire");

            Assert.Equal(200, response!.Status);
            var headers = response.Headers;
            Assert.Equal(("nosniff", "DENY", "strict-origin-when-cross-origin"), (headers["x-content-type-options"], headers["x-frame-options"], headers["referrer-policy"]));
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
            await Expect(page.Locator("body")).ToContainTextAsync("Recurring");
            await AssertNoViolationAsync(page, errors);
        });

    [Fact]
    public async Task The_blazor_hub_refuses_a_websocket_from_a_foreign_origin()
    {
        var hub = new UriBuilder(App.BaseAddress) { Scheme = "ws", Path = "/_blazor" }.Uri;

        using var foreign = new ClientWebSocket();
        foreign.Options.SetRequestHeader("Origin", "http://evil.example");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(hub, CancellationToken.None));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }
}
