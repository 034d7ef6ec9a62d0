using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// Memory per open tab (issue 17.3): the real app on Kestrel in this process over a fresh demo database, and real
/// Chromium tabs, each with a live circuit. Per page (the matter list as coord.chen, the dashboard as judge.wang): one
/// tab opened and closed to warm up, then tabs opened up to 1, 10, 20 and 50, each until its circuit is interactive and
/// its rows show. At each step, after a full collection, prints the process's resident memory (RSS) and the managed
/// heap, and at the end the per-tab figure (RSS_50 − RSS_0) / 50 and the same for the heap, with the load average.
/// The process also holds Playwright's client side of each tab (small next to a circuit).
/// </summary>
internal static class CircuitsScript
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    private static readonly (string User, string Url, string Ready)[] Pages =
    [
        ("coord.chen", "/matters", "[data-testid^=matter-row-]"),
        ("judge.wang", "/dashboard", "[data-testid=figure-Open-value]"),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<int> steps)
    {
        var started = Stopwatch.StartNew();
        await using var app = await BrowserBench.StartAsync("circuits", BrowserBench.ErrorsOnly);
        Console.WriteLine($"app on {app.BaseAddress} with a fresh demo database in {started.Elapsed.TotalSeconds:0.0} s   load {Measure.Load()}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserBench.LaunchAsync(playwright);

        foreach (var (user, url, ready) in Pages)
        {
            var context = await app.SignedInAsync(browser, user, Wait);
            var warm = await OpenAsync(context, url, ready);
            await warm.CloseAsync();
            var (rss0, heap0) = Settled();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url}: 0 tabs  RSS {rss0,7:0.0} MiB  heap {heap0,7:0.0} MiB   load {Measure.Load()}"));
            var tabs = new List<IPage>();
            double rss = rss0, heap = heap0;
            foreach (var count in steps)
            {
                while (tabs.Count < count)
                {
                    tabs.Add(await OpenAsync(context, url, ready));
                }

                (rss, heap) = Settled();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url}: {count,2} tabs  RSS {rss,7:0.0} MiB  heap {heap,7:0.0} MiB   load {Measure.Load()}"));
            }

            if (Environment.GetEnvironmentVariable("EXECUTIONHUB_HOLD") is { Length: > 0 } hold)
            {
                // For a heap dump of the open tabs: dotnet-gcdump collect -p <pid>, then create the file named.
                Console.WriteLine($"holding with {tabs.Count} tabs open: process {Environment.ProcessId}; create {hold} to go on");
                while (!File.Exists(hold))
                {
                    await Task.Delay(500);
                }

                File.Delete(hold);
            }

            var last = steps[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{url}: per tab (RSS_{last} − RSS_0) / {last} = {(rss - rss0) / last:0.00} MiB; managed heap {(heap - heap0) / last:0.00} MiB   load {Measure.Load()}"));
            await context.CloseAsync();
        }

        return 0;
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string url, string ready)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator(ready).First.WaitForAsync();
        return page;
    }

    /// <summary>RSS and managed heap in MiB after two full, compacting collections: what the open circuits hold, not garbage.</summary>
    private static (double Rss, double Heap) Settled()
    {
        for (var i = 0; i < 2; i++)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0);
    }
}
