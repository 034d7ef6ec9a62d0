using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Data;

public sealed class DatabaseMaintenanceTests
{
    [Fact]
    public async Task Maintenance_gives_the_planner_statistics_for_the_matters_indexes_and_can_run_twice()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<DatabaseMaintenanceJob>();

        await job.RunAsync();
        await job.RunAsync();

        await using var db = await app.DbAsync();
        Assert.True(await SqliteDatabase.HasPlannerStatisticsAsync(db, "Matters"));
    }
}
