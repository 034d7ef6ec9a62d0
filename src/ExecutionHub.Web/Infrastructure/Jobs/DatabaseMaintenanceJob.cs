using ExecutionHub.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Infrastructure.Jobs;

/// <summary>Nightly: rebuilds the dashboard's tallies and keeps the database's planner statistics current so the list and sweep queries stay on their indexes. Safe to run any time, any number of times.</summary>
public sealed class DatabaseMaintenanceJob(IDbContextFactory<AppDbContext> dbFactory, ILogger<DatabaseMaintenanceJob> logger)
{
    public const string RecurringJobId = "database-maintenance";

    [JobDisplayName("Database maintenance (dashboard tallies, planner statistics)")]
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The dashboard's tallies recomputed from the matters: the day's log of changes folded into one row per
        // key, and nothing left that differs from the matters, whatever wrote them.
        await MatterTallies.RebuildAsync(db, cancellationToken);
        await AppDatabase.OptimizeAsync(db, cancellationToken);
        logger.LogInformation("Dashboard tallies rebuilt, database planner statistics refreshed");
    }
}
