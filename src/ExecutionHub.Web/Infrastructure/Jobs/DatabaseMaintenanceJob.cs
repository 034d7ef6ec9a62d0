using ExecutionHub.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Infrastructure.Jobs;

/// <summary>Nightly: keeps the database's planner statistics current so the list and sweep queries stay on their indexes. Safe to run any time, any number of times.</summary>
public sealed class DatabaseMaintenanceJob(IDbContextFactory<AppDbContext> dbFactory, ILogger<DatabaseMaintenanceJob> logger)
{
    public const string RecurringJobId = "database-maintenance";

    [JobDisplayName("Database maintenance (planner statistics)")]
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AppDatabase.OptimizeAsync(db, cancellationToken);
        logger.LogInformation("Database planner statistics refreshed");
    }
}
