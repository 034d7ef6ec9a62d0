using System.Diagnostics;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Features.Warnings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Startup;

/// <summary>
/// Brings the database up to what the app needs, logging how long each phase took ("Start-up phase …")
/// so a slow first start says where its time went.
/// </summary>
public static class DatabaseInitialiser
{
    /// <summary>
    /// What the first page needs, before the web host answers: migrations, roles, message templates, risk
    /// rules and, when Demo:Seed is true, the demo data. The demo's follow-up (its first warnings, their
    /// place on the next meeting's agenda, the report drafts) is left to <see cref="DemoFollowUp"/>, which
    /// the host runs once it answers.
    /// </summary>
    public static Task InitialiseDatabaseAsync(this IHost app, CancellationToken cancellationToken = default) =>
        PrepareAsync(app.Services, cancellationToken);

    /// <summary>
    /// Everything, follow-up included, before it returns: for callers without the web host (handler tests,
    /// benchmarks) that need the whole demo at once.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider root, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(root, cancellationToken);
        await DemoFollowUp.RunAsync(root, cancellationToken);
    }

    private static async Task PrepareAsync(IServiceProvider root, CancellationToken cancellationToken)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var phases = new Phases(services.GetRequiredService<ILoggerFactory>());
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            await SqliteDatabase.MigrateAsync(db, cancellationToken);
            if (pending.Any(MatterFiguresBackfill.IsItsMigration))
            {
                await MatterFiguresBackfill.RunAsync(db, cancellationToken);
            }

            phases.Done("migrations");
            await DefaultMessageTemplates.EnsureAsync(db, cancellationToken);
            await RiskRuleDefaults.EnsureAsync(db, services.GetRequiredService<TimeProvider>(), cancellationToken);
            phases.Done("message templates and risk rules");
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        phases.Done("roles");
        if (services.GetRequiredService<IConfiguration>().GetValue<bool>("Demo:Seed"))
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).SeedAsync(phases.Done, cancellationToken);
        }
    }

    /// <summary>
    /// Times the phases of a start, one log line each: wall time, and beside it the process's CPU time and
    /// the time its threads spent in the JIT compiler, which say how much of the wait was work, how much
    /// of it only a first run pays (compiling), and how much was a busy machine.
    /// </summary>
    internal sealed class Phases(ILoggerFactory loggers)
    {
        private readonly ILogger logger = loggers.CreateLogger("ExecutionHub.Startup");
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private TimeSpan jit = System.Runtime.JitInfo.GetCompilationTime();

        public void Done(string phase)
        {
            var (cpuNow, jitNow) = (Process.GetCurrentProcess().TotalProcessorTime, System.Runtime.JitInfo.GetCompilationTime());
            logger.LogInformation("Start-up phase {Phase}: {Milliseconds} ms (process CPU {CpuMilliseconds} ms; in the JIT compiler {JitMilliseconds} ms)",
                phase, watch.ElapsedMilliseconds, (long)(cpuNow - cpu).TotalMilliseconds, (long)(jitNow - jit).TotalMilliseconds);
            (cpu, jit) = (cpuNow, jitNow);
            watch.Restart();
        }
    }
}
