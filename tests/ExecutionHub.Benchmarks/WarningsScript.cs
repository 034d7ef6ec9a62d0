using System.Diagnostics;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// Times what the daily risk-warning job costs on a large database: the start-up that brings a cached
/// database up to the latest migrations (printed once, it includes any table rebuilds), then the
/// evaluator over every street, run after run (the first run writes the warnings, later runs refresh them).
/// </summary>
internal static class WarningsScript
{
    public static async Task RunAsync(int matterCount, int iterations)
    {
        var path = await BenchDatabase.EnsureAsync(matterCount);
        await using var services = BenchDatabase.Services(path, new BenchUser());
        var started = Stopwatch.StartNew();
        await services.InitialiseDatabaseAsync();
        Console.WriteLine($"start-up (pending migrations, demo top-up, first evaluation): {started.Elapsed.TotalSeconds:F1} s");

        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Console.WriteLine($"cases: {await db.Cases.CountAsync():N0}; parties: {await db.CaseParties.CountAsync():N0}; matters: {await db.Matters.CountAsync():N0}; streets: {await db.Streets.CountAsync()}");
        }

        var evaluator = services.GetRequiredService<RiskWarningEvaluator>();
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var run = Stopwatch.StartNew();
            var result = await evaluator.RunAsync(null, CancellationToken.None, notify: false);
            times.Add(run.Elapsed.TotalMilliseconds);
            if (i == 0)
            {
                Console.WriteLine($"first timed run: {result}");
            }
        }

        times.Sort();
        Console.WriteLine($"evaluator, all streets, {iterations} runs: median {times[times.Count / 2]:F0} ms, p95 {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F0} ms, max {times[^1]:F0} ms");
    }
}
