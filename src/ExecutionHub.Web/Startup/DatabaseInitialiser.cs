using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Features.Warnings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Startup;

public static class DatabaseInitialiser
{
    /// <summary>Migrates the database, makes sure the roles and the default message templates exist, and seeds demo data when Demo:Seed is true.</summary>
    public static Task InitialiseDatabaseAsync(this IHost app, CancellationToken cancellationToken = default) =>
        InitialiseDatabaseAsync(app.Services, cancellationToken);

    public static async Task InitialiseDatabaseAsync(this IServiceProvider root, CancellationToken cancellationToken = default)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            await SqliteDatabase.MigrateAsync(db, cancellationToken);
            if (pending.Any(MatterFiguresBackfill.IsItsMigration))
            {
                await MatterFiguresBackfill.RunAsync(db, cancellationToken);
            }
            await DefaultMessageTemplates.EnsureAsync(db, cancellationToken);
            await RiskRuleDefaults.EnsureAsync(db, services.GetRequiredService<TimeProvider>(), cancellationToken);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (services.GetRequiredService<IConfiguration>().GetValue<bool>("Demo:Seed"))
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).SeedAsync(cancellationToken);

            // A new user of the demo sees the warnings its data raises without waiting for the daily job;
            // like the rest of the seeded data they are history, so nobody's bell rings for them. Once
            // there are warnings the daily job keeps them, so later starts do not evaluate again.
            var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var clock = services.GetRequiredService<TimeProvider>();
            bool evaluated;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                evaluated = await db.RiskWarnings.AnyAsync(cancellationToken);
            }

            if (!evaluated)
            {
                await services.GetRequiredService<RiskWarningEvaluator>().RunAsync(null, cancellationToken, notify: false);
            }

            // After the warnings, so the next meeting's agenda and the seeded reports' risk-warnings section hold them.
            await DemoMeetings.AddOpenWarningsToNextMeetingAsync(dbFactory, clock, cancellationToken);
            await DemoReports.SeedAsync(dbFactory, clock, cancellationToken);
        }
    }
}
