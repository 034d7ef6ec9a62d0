using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// First rows (issue 17.2): the real app on Kestrel over a fresh demo database, headless Chromium signed in as the demo
/// user each page is for. Per page, <c>runs</c> times after two warm-ups: a new tab until its first row (or figure) is
/// visible, and until the circuit is interactive; then, in one open tab, a click on the page's link in the menu (from
/// the home page) until its first row is visible. Prints median and p95 of each with the load average, and how many
/// list queries the server ran per page opened in a new tab (a page whose circuit re-reads what the prerender showed
/// runs two).
/// </summary>
internal static class FirstRowsScript
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static readonly (string User, string Url, string NavTestId, string Ready, string Query)[] Pages =
    [
        ("coord.chen", "/matters", "nav-matters", "[data-testid^=matter-row-]", "ListMatters"),
        ("judge.wang", "/cases", "nav-cases", "[data-testid=case-row-link]", "ListCases"),
        ("grid.liu", "/tasks", "nav-tasks", "[data-testid^=my-task-]", "ListMyTasks"),
        ("judge.wang", "/dashboard", "nav-dashboard", "[data-testid=figure-Open-value]", "GetHeadlineFigures"),
    ];

    public static async Task<int> RunAsync(int runs)
    {
        var counter = new HandledCounter();
        var started = Stopwatch.StartNew();
        await using var app = await BrowserBench.StartAsync("firstrows", logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(counter);
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("ExecutionHub.Web.Infrastructure.Mediator", LogLevel.Information);
        });
        Console.WriteLine($"app on {app.BaseAddress} with a fresh demo database in {started.Elapsed.TotalSeconds:0.0} s   load {Measure.Load()}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserBench.LaunchAsync(playwright);
        var contexts = new Dictionary<string, IBrowserContext>();
        foreach (var user in Pages.Select(p => p.User).Distinct())
        {
            contexts[user] = await app.SignedInAsync(browser, user, Wait);
        }

        foreach (var (user, url, nav, ready, query) in Pages)
        {
            var context = contexts[user];
            List<double> rows = [], interactive = [], inTab = [];
            var queriesBefore = counter.Count(query);
            for (var run = 0; run < runs + 2; run++)
            {
                var page = await context.NewPageAsync();
                var watch = Stopwatch.StartNew();
                await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
                await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
                var shown = watch.Elapsed.TotalMilliseconds;
                await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                var live = watch.Elapsed.TotalMilliseconds;
                await page.CloseAsync();
                if (run >= 2)
                {
                    rows.Add(shown);
                    interactive.Add(live);
                }
            }

            var queries = (counter.Count(query) - queriesBefore) / (double)(runs + 2);

            var tab = await context.NewPageAsync();
            await tab.GotoAsync("/");
            await tab.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            for (var run = 0; run < runs + 2; run++)
            {
                var link = tab.GetByTestId(nav);
                var watch = Stopwatch.StartNew();
                await link.ClickAsync();
                await tab.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
                if (run >= 2)
                {
                    inTab.Add(watch.Elapsed.TotalMilliseconds);
                }

                await tab.Locator("nav a[href='/'], .mud-navmenu a[href='/']").First.ClickAsync();
                await tab.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            }

            await tab.CloseAsync();
            foreach (var list in new[] { rows, interactive, inTab })
            {
                list.Sort();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{url,-11} ({user,-10}) new tab: rows {Median(rows),5:0} ms (p95 {BrowserBench.Percentile(rows, 0.95),5:0}), interactive {Median(interactive),5:0} ms; "
                + $"{query} per new tab {queries:0.0}; in-tab navigation: rows {Median(inTab),5:0} ms (p95 {BrowserBench.Percentile(inTab, 0.95),5:0})   load {Measure.Load()}"));
        }

        foreach (var context in contexts.Values)
        {
            await context.CloseAsync();
        }

        return 0;
    }

    private static double Median(List<double> sorted) => BrowserBench.Percentile(sorted, 0.5);

    /// <summary>Counts the pipeline's "X handled" lines per request name; prints warnings and errors.</summary>
    private sealed class HandledCounter : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> handled = new(StringComparer.Ordinal);

        public int Count(string request) => handled.GetValueOrDefault(request);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(HandledCounter counter, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                var handledAt = message.IndexOf(" handled", StringComparison.Ordinal);
                if (handledAt > 0 && !message[..handledAt].Contains(' ', StringComparison.Ordinal))
                {
                    counter.handled.AddOrUpdate(message[..handledAt], 1, (_, n) => n + 1);
                }
                else if (logLevel >= LogLevel.Warning)
                {
                    Console.Error.WriteLine($"{logLevel} {category}: {message} {exception?.GetType().Name} {exception?.Message}");
                }
            }
        }
    }
}
