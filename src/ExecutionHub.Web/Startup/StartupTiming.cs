using System.Diagnostics;
using Hangfire;

namespace ExecutionHub.Web.Startup;

/// <summary>
/// The start-up phases around the database's: the runtime until Main, building the host, Hangfire's storage,
/// starting the host (hosted services, Kestrel) and the first request it answers, each logged as a
/// "Start-up phase …" line like <see cref="DatabaseInitialiser"/>'s, so one first start says where its time went
/// (the benchmarks' <c>startup</c> command reads them).
/// </summary>
public sealed class StartupTiming
{
    private readonly Stopwatch sinceMain = Stopwatch.StartNew();
    // Diagnostics of this process's own start, not a deadline: the system's time provider, as the host is not built yet.
    private readonly TimeSpan beforeMain = TimeProvider.System.GetUtcNow().UtcDateTime - Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private readonly TimeSpan cpuAtMain = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan jitAtMain = System.Runtime.JitInfo.GetCompilationTime();
    private DatabaseInitialiser.Phases? phases;
    private int firstRequest;

    public static StartupTiming Start() => new();

    /// <summary>Logs the runtime's start and the host's build, once the host (and so its logger) exists.</summary>
    public void HostBuilt(IHost app)
    {
        phases = new DatabaseInitialiser.Phases(app.Services.GetRequiredService<ILoggerFactory>());
        phases.Took("runtime start (process start to Main)", beforeMain, cpuAtMain, jitAtMain);
        phases.Took("host build", sinceMain.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuAtMain, System.Runtime.JitInfo.GetCompilationTime() - jitAtMain);
        phases.Restart();
    }

    /// <summary>
    /// Opens Hangfire's storage now (its schema on a new file) so its time shows on its own line, then logs the
    /// host's start and the first request's answer as they happen.
    /// </summary>
    public void BeforeRun(WebApplication app)
    {
        var log = phases ?? new DatabaseInitialiser.Phases(app.Services.GetRequiredService<ILoggerFactory>());
        log.Restart();
        app.Services.GetService<JobStorage>();
        log.Done("Hangfire storage");
        app.Lifetime.ApplicationStarted.Register(() => log.Done("host start (hosted services, Kestrel listening)"));
        app.Use(async (context, next) =>
        {
            if (Volatile.Read(ref firstRequest) != 0)
            {
                await next(context);
                return;
            }

            var watch = Stopwatch.StartNew();
            await next(context);
            if (Interlocked.Exchange(ref firstRequest, 1) == 0)
            {
                log.Took($"first request ({context.Request.Path} → {context.Response.StatusCode})", watch.Elapsed);
                log.Took("Main to first answer", sinceMain.Elapsed);
            }
        });
    }
}
