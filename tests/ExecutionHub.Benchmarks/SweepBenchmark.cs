using BenchmarkDotNet.Attributes;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// The deadline sweep with the same number of matters due (100) in databases of 10,000 and
/// 1,000,000 matters: its cost must follow what is due, not how many matters exist.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmark
{
    private const int Due = 100;
    private ServiceProvider services = default!;
    private List<int> dueMatters = [];

    [Params(10_000, 1_000_000)]
    public int Matters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchDatabase.EnsureAsync(Matters).GetAwaiter().GetResult();
        services = BenchDatabase.Services(path, new BenchUser());
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync().GetAwaiter().GetResult();
        using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        dueMatters = db.Matters.Where(m => m.Status == MatterStatus.Registered || m.Status == MatterStatus.Dispatched)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Due).ToList();
    }

    /// <summary>Makes the same 100 open matters overdue again under a new deadline version, so each iteration fires 100 fresh alerts.</summary>
    [IterationSetup]
    public void MakeDue()
    {
        using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        db.Matters.Where(m => dueMatters.Contains(m.Id)).ExecuteUpdate(s => s
            .SetProperty(m => m.PausedAtUtc, (DateTime?)null)
            .SetProperty(m => m.DueAtUtc, now.AddMinutes(-5))
            .SetProperty(m => m.AlertStage, 1)
            .SetProperty(m => m.DeadlineVersion, m => m.DeadlineVersion + 1)
            .SetProperty(m => m.NextAlertAtUtc, now.AddMinutes(-5)));
    }

    [Benchmark]
    public async Task<int> Sweep()
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
        return result.Alerts;
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();
}
