using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Tests.Infrastructure.Databases;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.PostgreSql;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Data;

/// <summary>
/// The app on a real PostgreSQL server (the run's throwaway <see cref="PostgresServer"/>): it migrates, seeds the
/// demo, and the handlers that write — registering, dispatching, feeding back, the deadline sweep — work there.
/// Not the whole suite: <see cref="TestDatabase.Chosen"/> is the switch that will run it all on PostgreSQL.
/// </summary>
public sealed class PostgreSqlServerTests
{
    [Fact]
    public async Task Should_migrate_a_new_postgresql_database_and_seed_the_demo()
    {
        await using var app = await TestApp.CreateAsync(demoData: true, provider: DatabaseProvider.PostgreSql);

        await using var sqlite = await TestApp.CreateAsync(demoData: true, provider: DatabaseProvider.Sqlite);

        await using var db = await app.DbAsync();
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await CountsAsync(sqlite), await CountsAsync(app));
        Assert.All(await db.Matters.Select(m => m.ReceivedAtUtc).Take(20).ToListAsync(), t => Assert.Equal(DateTimeKind.Utc, t.Kind));
    }

    [Fact]
    public async Task A_matter_goes_from_referral_through_dispatch_to_feedback_and_closure_on_postgresql()
    {
        await using var app = await TestApp.CreateAsync(demoData: true, provider: DatabaseProvider.PostgreSql);
        var scenario = await WorkflowScenario.ReferAsync(app);

        await scenario.ThroughClosureAsync();

        var matter = await scenario.MatterAsync();
        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Equal(WorkflowScenario.RoundTripTimeline, await scenario.TimelineAsync());
    }

    [Fact]
    public async Task The_deadline_sweep_raises_due_soon_and_overdue_once_each_on_postgresql()
    {
        await using var app = await TestApp.CreateAsync(demoData: true, provider: DatabaseProvider.PostgreSql);
        await using (var db = await app.DbAsync())
        {
            await db.Matters.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAlertAtUtc, (DateTime?)null));
            await db.Tasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAlertAtUtc, (DateTime?)null));
        }

        var scenario = await WorkflowScenario.ReferAsync(app);

        app.Clock.Advance(TimeSpan.FromHours(48));
        await SweepAsync(app);
        await SweepAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(24));
        await SweepAsync(app);
        await SweepAsync(app);

        await using var check = await app.DbAsync();
        Assert.Equal(
            [AlertKind.DueSoon, AlertKind.Overdue],
            await check.Alerts.Where(a => a.MatterId == scenario.MatterId && a.TaskId == null).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());
    }

    [Fact]
    public async Task Two_nodes_starting_together_on_a_new_database_both_start_and_make_it_once()
    {
        var database = await TestDatabase.PostgreSqlAsync(template: null);
        try
        {
            await using var first = Node(database);
            await using var second = Node(database);

            await Task.WhenAll(first.InitialiseWithoutDemoAsync(), second.InitialiseWithoutDemoAsync());

            await using var db = await first.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.Single(await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
            Assert.Equal(await db.MessageTemplates.Select(t => t.Kind).Distinct().CountAsync(), await db.MessageTemplates.CountAsync());
        }
        finally
        {
            TestDatabase.ClearPools();
            await database.DropAsync();
        }
    }

    [Fact]
    public async Task The_nightly_maintenance_refreshes_postgresql_planner_statistics()
    {
        await using var app = await TestApp.CreateAsync(demoData: true, provider: DatabaseProvider.PostgreSql);
        await using var db = await app.DbAsync();

        await AppDatabase.OptimizeAsync(db);

        Assert.True(await PostgreSqlDatabase.HasPlannerStatisticsAsync(db, "Matters"));
    }

    /// <summary>How much of the demo there is: the same on either provider.</summary>
    private static async Task<string> CountsAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return $"users {await db.Users.CountAsync()}, cases {await db.Cases.CountAsync()}, matters {await db.Matters.CountAsync()}, "
            + $"tasks {await db.Tasks.CountAsync()}, timeline {await db.Timeline.CountAsync()}, milestones {await db.Milestones.CountAsync()}, "
            + $"meetings {await db.Meetings.CountAsync()}, warnings {await db.RiskWarnings.CountAsync()}, reports {await db.Reports.CountAsync()}";
    }

    private static async Task SweepAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
    }

    /// <summary>An app node's services on <paramref name="database"/>, as a second process would have them.</summary>
    private static ServiceProvider Node(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:ExecutionHub"] = database.ConnectionString,
            ["Demo:Seed"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddExecutionHubApplication(configuration, Path.GetTempPath());
        return services.BuildServiceProvider();
    }
}
