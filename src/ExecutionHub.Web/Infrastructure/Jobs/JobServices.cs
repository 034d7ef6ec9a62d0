using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Startup;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;

namespace ExecutionHub.Web.Infrastructure.Jobs;

public static class JobServices
{
    public static IServiceCollection AddExecutionHubJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseSettings.Read(configuration);
        var queuePoll = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollSeconds", 5));
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                // On PostgreSQL every node shares one job storage: the app's database, schema "hangfire".
                config.UsePostgreSqlStorage(
                    connection => connection.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = queuePoll });
            }
            else
            {
                // Hangfire keeps its own SQLite file: its driver pulls another SQLitePCLRaw build, and the
                // exactly-once guarantees live in our own tables, not in Hangfire's.
                config.UseSQLiteStorage(SqliteDatabase.HangfireDatabasePath(configuration, contentRoot), new SQLiteStorageOptions { QueuePollInterval = queuePoll });
            }
        });
        services.AddHangfireServer(options => options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", 2));
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }

    /// <summary>The Hangfire dashboard at /hangfire, for administrators only.</summary>
    public static WebApplication MapHangfireDashboardForAdministrators(this WebApplication app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(WebServices.AdministratorPolicy, "/hangfire", new DashboardOptions
        {
            Authorization = [new AdministratorDashboardFilter()],
            AppPath = "/",
            DashboardTitle = "ExecutionHub · Hangfire",
        });
        return app;
    }

    /// <summary>Second lock behind the endpoint policy: Hangfire itself also checks the role.</summary>
    private sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
