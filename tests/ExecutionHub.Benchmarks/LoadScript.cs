using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// A bounded load run (issue 17.5): the real app on Kestrel over a fresh demo database and N users at once, each a
/// browser context of their own signed in as a demo account (judges, coordinators, grid workers and a street officer in
/// turn). Each user, <c>rounds</c> times: loads the home page (a new page load) until its title shows and the circuit is
/// interactive, clicks their list in the menu until its first row shows, and clicks the first row until that matter or
/// task shows (the street officer opens the statistics and stops there). Prints p50/p95/max page-ready time per step
/// and over all, the errors (a step that timed out, a script error on the page, a lost circuit), the wall time and
/// the load average; then stops.
/// </summary>
internal static class LoadScript
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private sealed record Journey(string User, string Nav, string Rows, string? Item, string? ItemReady);

    private static readonly Journey[] Journeys =
    [
        new("judge.wang", "nav-matters", "[data-testid^=matter-row-]", "[data-testid^=matter-row-]", "[data-testid=matter-status]"),
        new("coord.chen", "nav-matters", "[data-testid^=matter-row-]", "[data-testid^=matter-row-]", "[data-testid=matter-status]"),
        new("grid.liu", "nav-tasks", "[data-testid^=my-task-]", "[data-testid=my-task-open]", "[data-testid=task-title]"),
        new("judge.li", "nav-matters", "[data-testid^=matter-row-]", "[data-testid^=matter-row-]", "[data-testid=matter-status]"),
        new("coord.zhao", "nav-matters", "[data-testid^=matter-row-]", "[data-testid^=matter-row-]", "[data-testid=matter-status]"),
        new("grid.sun", "nav-tasks", "[data-testid^=my-task-]", "[data-testid=my-task-open]", "[data-testid=task-title]"),
        new("street.huang", "nav-statistics", "[data-testid=statistics-scope]", null, null),
    ];

    public static async Task<int> RunAsync(int users, int rounds)
    {
        var started = Stopwatch.StartNew();
        await using var app = await BrowserBench.StartAsync("load", BrowserBench.ErrorsOnly);
        Console.WriteLine($"app on {app.BaseAddress} with a fresh demo database in {started.Elapsed.TotalSeconds:0.0} s   load {Measure.Load()}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserBench.LaunchAsync(playwright);

        var signingIn = Stopwatch.StartNew();
        var journeys = Enumerable.Range(0, users).Select(i => Journeys[i % Journeys.Length]).ToList();
        // Signed in five at a time, before the clock starts: the run measures pages, not fifty sign-ins at once.
        var contexts = new List<IBrowserContext>();
        foreach (var batch in journeys.Chunk(5))
        {
            contexts.AddRange(await Task.WhenAll(batch.Select(j => app.SignedInAsync(browser, j.User, TimeSpan.FromMinutes(2)))));
        }

        foreach (var context in contexts)
        {
            context.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        }

        Console.WriteLine($"{users} users signed in in {signingIn.Elapsed.TotalSeconds:0.0} s   load {Measure.Load()}");

        var times = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
        var errors = new ConcurrentBag<string>();
        var running = Stopwatch.StartNew();
        await Task.WhenAll(journeys.Select((journey, i) => WalkAsync(contexts[i], journey, rounds, times, errors)));
        var wall = running.Elapsed;

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        var all = times.Values.SelectMany(t => t).Order().ToList();
        foreach (var step in new[] { "home", "list", "item" })
        {
            var list = times.GetValueOrDefault(step)?.Order().ToList() ?? [];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{step,-5} {list.Count,4} pages  p50 {BrowserBench.Percentile(list, 0.5),6:0} ms  p95 {BrowserBench.Percentile(list, 0.95),6:0} ms  max {list.DefaultIfEmpty(double.NaN).Max(),6:0} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all   {all.Count,4} pages  p50 {BrowserBench.Percentile(all, 0.5),6:0} ms  p95 {BrowserBench.Percentile(all, 0.95),6:0} ms  max {all.DefaultIfEmpty(double.NaN).Max(),6:0} ms;  "
            + $"{errors.Count} errors;  {users} users × {rounds} rounds in {wall.TotalSeconds:0} s   load {Measure.Load()}"));
        foreach (var error in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10))
        {
            Console.WriteLine($"  {error.Count()} × {error.Key}");
        }

        return errors.IsEmpty ? 0 : 1;
    }

    private static async Task WalkAsync(IBrowserContext context, Journey journey, int rounds, ConcurrentDictionary<string, ConcurrentBag<double>> times, ConcurrentBag<string> errors)
    {
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add($"{journey.User}: script error {error.Split('\n')[0]}");
        for (var round = 0; round < rounds; round++)
        {
            await StepAsync("home", async () =>
            {
                await page.GotoAsync("/");
                await page.GetByTestId("home-title").WaitForAsync();
                await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            });
            await StepAsync("list", async () =>
            {
                await page.GetByTestId(journey.Nav).ClickAsync();
                await page.Locator(journey.Rows).First.WaitForAsync();
            });
            if (journey.Item is { } item && journey.ItemReady is { } ready)
            {
                await StepAsync("item", async () =>
                {
                    await page.Locator(item).First.ClickAsync();
                    await page.Locator(ready).First.WaitForAsync();
                });
            }
        }

        await page.CloseAsync();

        async Task StepAsync(string step, Func<Task> act)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await act();
                times.GetOrAdd(step, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                if (await page.Locator("#components-reconnect-modal").IsVisibleAsync())
                {
                    errors.Add($"{journey.User}: {step}: the circuit was lost (the reconnect dialog shows)");
                }
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                errors.Add($"{journey.User}: {step}: {e.Message.Split('\n')[0]}");
            }
        }
    }
}
