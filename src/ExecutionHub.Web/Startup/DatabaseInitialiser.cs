using System.Diagnostics;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure.Hosting;
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
    /// rules and, when Demo:Seed is true and <see cref="DemoSafety"/> allows it, the demo data. The demo's
    /// follow-up (its first warnings, their place on the next meeting's agenda, the report drafts) is left
    /// to <see cref="DemoFollowUp"/>, which the host runs once it answers.
    /// </summary>
    /// <returns>
    /// False when the app must not start: the database is configured wrong or cannot be reached, or demo accounts
    /// with the published password exist and it is about to listen on a network address. The log says why.
    /// </returns>
    public static async Task<bool> InitialiseDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var start = new StartConditions(
            Serves: true,
            ListeningAddresses.From(configuration),
            configuration.GetValue<bool>(DemoSafety.OverrideKey),
            app.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());
        DemoSeedingVerdict? verdict;
        try
        {
            verdict = await PrepareAsync(app.Services, start, cancellationToken);
        }
        catch (DatabaseStartException e)
        {
            // Configured wrong or not reachable: said once, plainly, and the process ends with exit code 1.
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ExecutionHub.Startup").LogCritical("{Refusal}", e.Message);
            return false;
        }

        if (verdict is null)
        {
            return false;
        }

        if (verdict == DemoSeedingVerdict.Seed)
        {
            app.Services.GetService<DemoFollowUp>()?.DemoSeeded();
        }

        return true;
    }

    /// <summary>
    /// Everything, follow-up included, before it returns: for callers without the web host (handler tests,
    /// benchmarks) that need the whole demo at once. Nothing listens, so nobody else can reach the demo.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider root, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(root, new StartConditions(Serves: false, [], Overridden: false, IsDevelopment: false), cancellationToken);
        await DemoFollowUp.RunAsync(root, cancellationToken);
    }

    /// <summary>
    /// Whether this start serves pages at all, where it will listen, whether the demo's network override
    /// is set, and whether it is a developer's machine.
    /// </summary>
    private sealed record StartConditions(bool Serves, IReadOnlyList<string> Addresses, bool Overridden, bool IsDevelopment)
    {
        public bool LoopbackOnly => ListeningAddresses.AreLoopbackOnly(Addresses);
    }

    /// <summary>
    /// The database as the app needs it, without demo data and without a web host: for the command-line
    /// steps (<c>--create-admin</c>, <c>--remove-demo</c>), which must work on a database never started.
    /// </summary>
    public static async Task InitialiseWithoutDemoAsync(this IServiceProvider root, CancellationToken cancellationToken = default)
    {
        await using var scope = root.CreateAsyncScope();
        await PrepareSchemaAsync(scope.ServiceProvider, new Phases(root.GetRequiredService<ILoggerFactory>()), cancellationToken);
    }

    /// <summary>What the demo decision needs to know about the database once it is migrated.</summary>
    /// <param name="Place">The SQLite file, or the PostgreSQL server and database.</param>
    private sealed record DatabaseFacts(bool IsSqlite, bool HoldsOnlyDemoAccounts, string Place);

    private static async Task<DatabaseFacts> PrepareSchemaAsync(IServiceProvider services, Phases phases, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        // Until the roles exist: another node starting now waits, then finds everything made.
        await using var startLock = await AppDatabase.LockForStartAsync(db, cancellationToken);
        await AppDatabase.MigrateAsync(db, cancellationToken);
        phases.Done("migrations");

        if (await MatterTallies.EnsureBuiltAsync(db, cancellationToken))
        {
            phases.Done("dashboard tallies");
        }

        await DefaultMessageTemplates.EnsureAsync(db, cancellationToken);
        await RiskRuleDefaults.EnsureAsync(db, services.GetRequiredService<TimeProvider>(), cancellationToken);
        phases.Done("message templates and risk rules");
        var facts = new DatabaseFacts(db.Database.IsSqlite(), await HoldsOnlyDemoAccountsAsync(db, cancellationToken), AppDatabase.Describe(db));

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        phases.Done("roles");
        return facts;
    }

    /// <returns>What became of the demo; null when the start must be refused.</returns>
    private static async Task<DemoSeedingVerdict?> PrepareAsync(IServiceProvider root, StartConditions start, CancellationToken cancellationToken)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var phases = new Phases(services.GetRequiredService<ILoggerFactory>());
        var database = await PrepareSchemaAsync(services, phases, cancellationToken);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ExecutionHub.Startup");
        if (start.Serves)
        {
            var accounts = await services.GetRequiredService<KnownPasswordAccounts>().FindAsync(cancellationToken);
            if (DemoSafety.MustRefuseStart(accounts.Count > 0, start.LoopbackOnly, start.Overridden, start.IsDevelopment))
            {
                logger.LogCritical("{Refusal}", DemoSafety.ExplainStartRefusal(accounts, start.Addresses, database.Place));
                return null;
            }

            if (accounts.Count > 0 && !start.LoopbackOnly)
            {
                logger.LogWarning("Demo accounts with the published password are reachable on the network ({Addresses}): {Reason}",
                    string.Join(", ", start.Addresses), start.Overridden ? $"{DemoSafety.OverrideKey} is true" : "the environment is Development");
            }
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        // A served start seeds the demo into the embedded SQLite file only; a start without a web host (tests,
        // benchmarks) may seed a PostgreSQL database too, as nobody can sign in through it.
        var verdict = DemoSafety.Decide(configuration.GetValue<bool>("Demo:Seed"), database.IsSqlite || !start.Serves, database.HoldsOnlyDemoAccounts, start.LoopbackOnly, start.Overridden);
        if (verdict == DemoSeedingVerdict.Seed)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).SeedAsync(phases.Done, cancellationToken);
        }
        else if (verdict != DemoSeedingVerdict.NotRequested)
        {
            logger.LogWarning("{Refusal}", DemoSafety.ExplainRefusal(verdict, start.Addresses));
        }

        return verdict;
    }

    /// <summary>
    /// No account but the demo's: a new database, or a demo (perhaps cut short while seeding). API clients'
    /// accounts do not count; they exist only beside a person who registered them, or as the demo's.
    /// </summary>
    private static async Task<bool> HoldsOnlyDemoAccountsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        const int enough = 100;
        var listed = DemoAccounts.All.Select(a => a.UserName).ToList();
        var others = await db.Users.Where(u => !u.IsApiClient && !listed.Contains(u.UserName!))
            .Select(u => u.UserName).Take(enough).ToListAsync(cancellationToken);
        return others.Count < enough && others.All(DemoAccounts.IsDemoUserName);
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
            Took(phase, watch.Elapsed);
            Restart();
        }

        /// <summary>A phase timed elsewhere (before a logger existed, or one request); CPU and JIT since the last line.</summary>
        public void Took(string phase, TimeSpan wall)
        {
            var (cpuNow, jitNow) = (Process.GetCurrentProcess().TotalProcessorTime, System.Runtime.JitInfo.GetCompilationTime());
            Took(phase, wall, cpuNow - cpu, jitNow - jit);
            (cpu, jit) = (cpuNow, jitNow);
        }

        /// <summary>A phase whose CPU and JIT times were measured by the caller.</summary>
        public void Took(string phase, TimeSpan wall, TimeSpan cpuTime, TimeSpan jitTime) =>
            logger.LogInformation("Start-up phase {Phase}: {Milliseconds} ms (process CPU {CpuMilliseconds} ms; in the JIT compiler {JitMilliseconds} ms)",
                phase, (long)wall.TotalMilliseconds, (long)cpuTime.TotalMilliseconds, (long)jitTime.TotalMilliseconds);

        /// <summary>The next phase starts now.</summary>
        public void Restart()
        {
            (cpu, jit) = (Process.GetCurrentProcess().TotalProcessorTime, System.Runtime.JitInfo.GetCompilationTime());
            watch.Restart();
        }
    }
}
