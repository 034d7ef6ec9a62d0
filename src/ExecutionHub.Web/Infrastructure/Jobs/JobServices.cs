using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Startup;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage.SQLite;

namespace ExecutionHub.Web.Infrastructure.Jobs;

public static class JobServices
{
    public static IServiceCollection AddExecutionHubJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Hangfire keeps its own SQLite file: its driver pulls another SQLitePCLRaw build, and the
        // exactly-once guarantees live in our own tables, not in Hangfire's.
        var path = SqliteDatabase.HangfireDatabasePath(configuration, contentRoot);
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseSQLiteStorage(path, new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollSeconds", 5)),
            }));
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
