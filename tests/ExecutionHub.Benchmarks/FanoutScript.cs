using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ExecutionHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// One change, many dashboards (issue 17.4): the real app on Kestrel over a fresh demo database, K
/// dashboards open in headless Chromium (judge.wang, judge.li and coord.chen in turn, a mix of
/// periods and matter-type filters), a MutationObserver in each tab noting when its "open matters"
/// figure changes, then a matter referred through POST /api/v1/matters (a client of the demo court
/// with matters:write). Prints, per K, p50/p95/max of change → figure on screen over every tab and
/// change, the dashboard requests the pipeline handled and the evaluations the server ran for them
/// (the "Dashboard evaluation" log lines; an app without shared snapshots evaluates once per request),
/// the database commands EF Core ran on the app's database meanwhile, and the load average.
/// </summary>
internal static class FanoutScript
{
    private static readonly string[] Users = ["judge.wang", "judge.li", "coord.chen"];
    private static readonly string?[] Periods = [null, "本周", "本季度", "工作站成立以来"];
    private static readonly string?[] Types = [null, "被执行人下落/作息核查"];
    private static readonly TimeSpan TabsWait = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(IReadOnlyList<int> tabCounts, int changes)
    {
        var counters = new Counters();
        var started = Stopwatch.StartNew();
        await using var app = await BrowserBench.StartAsync("fanout", logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(counters);
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("ExecutionHub.Web.Infrastructure.Mediator", LogLevel.Information);
            logging.AddFilter("ExecutionHub.Web.Features.Dashboard", LogLevel.Information);
        });
        var baseAddress = app.BaseAddress;
        Console.WriteLine($"app on {baseAddress} with a fresh demo database in {started.Elapsed.TotalSeconds:0.0} s   load {Measure.Load()}");
        var (key, caseCode, streetId) = await WriteClientAsync(app.Services);
        using var api = new HttpClient { BaseAddress = baseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var commands = DatabaseCommandCounter.For(app.DatabasePath);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserBench.LaunchAsync(playwright);
        var contexts = new List<IBrowserContext>();
        foreach (var user in Users)
        {
            contexts.Add(await app.SignedInAsync(browser, user, TabsWait));
        }

        var tabs = new List<IPage>();
        var serial = 0;

        // One referral before any tab is open, so the first measured change does not pay for compiling the registration.
        using (var warmUp = await api.PostAsJsonAsync("/api/v1/matters", Referral(caseCode, streetId, ++serial)))
        {
            warmUp.EnsureSuccessStatusCode();
        }

        foreach (var count in tabCounts.Order())
        {
            var opening = Stopwatch.StartNew();
            while (tabs.Count < count)
            {
                var index = tabs.Count;
                tabs.Add(await OpenDashboardAsync(contexts[index % Users.Length], Periods[index / Users.Length % Periods.Length], Types[index / Users.Length / Periods.Length % Types.Length]));
            }

            Console.WriteLine($"K={count}: {count} dashboards open ({opening.Elapsed.TotalSeconds:0} s to open the new ones), memory of the process {Environment.WorkingSet / 1048576.0:N0} MiB   load {Measure.Load()}");
            var latencies = new List<double>();
            var missed = 0;
            long requests = 0, evaluations = 0, queries = 0;
            for (var change = 0; change < changes; change++)
            {
                await QuietAsync(commands);
                var marks = await Task.WhenAll(tabs.Select(tab => tab.EvaluateAsync<int>("() => window.__changes.length")));
                var (requestsBefore, evaluationsBefore, queriesBefore) = (counters.Requests, counters.Evaluations, commands.Count);
                var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                using (var answer = await api.PostAsJsonAsync("/api/v1/matters", Referral(caseCode, streetId, ++serial)))
                {
                    if (answer.StatusCode != HttpStatusCode.Created)
                    {
                        Console.Error.WriteLine($"referral refused: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                        return 1;
                    }
                }

                var seen = await SeenAsync(tabs, marks, sent);
                latencies.AddRange(seen.OfType<double>());
                missed += seen.Count(s => s is null);
                await QuietAsync(commands);
                requests += counters.Requests - requestsBefore;
                evaluations += counters.Evaluations - evaluationsBefore;
                queries += commands.Count - queriesBefore;
            }

            latencies.Sort();
            var shared = counters.SharesEvaluations;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"K={count,3}  {changes} changes  p50 {BrowserBench.Percentile(latencies, 0.5),6:0} ms  p95 {BrowserBench.Percentile(latencies, 0.95),6:0} ms  max {latencies.DefaultIfEmpty(double.NaN).Max(),6:0} ms"
                + $"{(missed > 0 ? $"  ({missed} tab-changes not seen within {TabsWait.TotalSeconds:0} s)" : "")}"
                + $"  per change: {requests / (double)changes:0} dashboard requests, {(shared ? evaluations : requests) / (double)changes:0} evaluations{(shared ? "" : " (one per request)")}, {queries / (double)changes:0} db commands   load {Measure.Load()}"));
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        return 0;
    }

    /// <summary>A client of the demo court that may refer matters (the demo's known key only reads), and where its referrals go.</summary>
    private static async Task<(string Key, string CaseCode, int StreetId)> WriteClientAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var street = await db.Streets.SingleAsync(s => s.Id == coordinator.StreetId);
        var court = await db.Courts.SingleAsync(c => c.Id == street.CourtId);
        var (_, key) = ApiClientAccounts.Add(db, "扇出基准", court.Id, [ApiScopes.MattersWrite], DateTime.UtcNow);
        await db.SaveChangesAsync();
        return (key.Key, court.CaseCode, street.Id);
    }

    /// <summary>A debtor-whereabouts referral on a case new to the workstation, at coord.chen's street, for judge.wang.</summary>
    private static object Referral(string caseCode, int streetId, int serial) => new
    {
        caseNumber = string.Create(CultureInfo.InvariantCulture, $"(2026){caseCode}执{95_000 + serial}号"),
        type = "DebtorWhereabouts",
        request = "核实现住址及作息",
        clientReference = $"FANOUT-{serial}",
        target = new { name = "钱多多" },
        details = new { lastKnownAddresses = "平凉路1号" },
        @case = new { street = streetId, judge = "judge.wang", cause = "民间借贷纠纷", amountOwed = 80000 },
    };

    /// <summary>A dashboard with its filters chosen, and an observer noting when the "open matters" figure changes.</summary>
    private static async Task<IPage> OpenDashboardAsync(IBrowserContext context, string? period, string? type)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard");
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("figure-Open-value").WaitForAsync();
        foreach (var (select, option) in new[] { ("filter-period", period), ("filter-type", type) })
        {
            if (option is not null)
            {
                await page.GetByTestId(select).ClickAsync();
                await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
                await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            }
        }

        await page.GetByTestId("dashboard-loading").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.EvaluateAsync("""
            () => {
                window.__changes = [];
                const figure = () => document.querySelector('[data-testid=figure-Open-value]')?.textContent;
                let shown = figure();
                new MutationObserver(() => {
                    const now = figure();
                    if (now !== shown) {
                        shown = now;
                        window.__changes.push(performance.timeOrigin + performance.now());
                    }
                }).observe(document.querySelector('[data-testid=headline-figures]'), { subtree: true, childList: true, characterData: true });
            }
            """);
        return page;
    }

    /// <summary>Per tab, ms from the referral being sent to its figure changing; null for a tab that did not show it in time.</summary>
    private static async Task<double?[]> SeenAsync(List<IPage> tabs, int[] marks, long sent)
    {
        var seen = new double?[tabs.Count];
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < TabsWait && seen.Any(s => s is null))
        {
            await Task.WhenAll(tabs.Select(async (tab, i) =>
            {
                if (seen[i] is null)
                {
                    var changes = await tab.EvaluateAsync<double[]>("() => window.__changes");
                    if (changes.Length > marks[i])
                    {
                        seen[i] = changes[marks[i]] - sent;
                    }
                }
            }));
            await Task.Delay(100);
        }

        return seen;
    }

    /// <summary>Until the database has been idle for a second (at most 30 s): the previous change's work is done.</summary>
    private static async Task QuietAsync(DatabaseCommandCounter commands)
    {
        var waiting = Stopwatch.StartNew();
        var last = commands.Count;
        var idle = Stopwatch.StartNew();
        while (idle.Elapsed < TimeSpan.FromSeconds(1) && waiting.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            if (commands.Count != last)
            {
                last = commands.Count;
                idle.Restart();
            }
        }
    }

    /// <summary>Counts the pipeline's "handled" lines for the dashboard's three reads and the snapshots' evaluations; prints warnings and errors.</summary>
    private sealed class Counters : ILoggerProvider
    {
        private long requests;
        private long evaluations;

        public long Requests => Interlocked.Read(ref requests);

        public long Evaluations => Interlocked.Read(ref evaluations);

        /// <summary>Whether the app logs its own evaluations (shared snapshots); else each request is one.</summary>
        public bool SharesEvaluations { get; private set; }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Counters counters, string category) : ILogger
        {
            private readonly bool snapshots = category == "ExecutionHub.Web.Features.Dashboard.DashboardSnapshots";

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                if (snapshots)
                {
                    counters.SharesEvaluations = true;
                    if (message.StartsWith("Dashboard evaluation", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref counters.evaluations);
                    }
                }
                else if (message.StartsWith("GetHeadlineFigures handled", StringComparison.Ordinal)
                    || message.StartsWith("GetDashboardQueues handled", StringComparison.Ordinal)
                    || message.StartsWith("GetDashboardCharts handled", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref counters.requests);
                }
                else if (logLevel >= LogLevel.Warning)
                {
                    Console.Error.WriteLine($"{logLevel} {category}: {message} {exception?.GetType().Name} {exception?.Message}");
                }
            }
        }
    }
}
