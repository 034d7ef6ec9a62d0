using ExecutionHub.Web.Data;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Features.Warnings;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Startup;

/// <summary>
/// The demo's work that the first page does not need — the first risk-warnings run, those warnings on
/// the next meeting's agenda, the street's report drafts — done once the app has answered its first
/// request (<see cref="FirstAnswer"/>), so a first start is not held up by it. <see cref="Completed"/> tells whoever needs the whole demo (the browser tests)
/// when it is there.
/// </summary>
public sealed class DemoFollowUp(IServiceProvider services, FirstAnswer firstAnswer, ILogger<DemoFollowUp> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool demoSeeded;

    /// <summary>Completes when the follow-up has run (at once when this start seeded no demo); faults if it failed.</summary>
    public Task Completed => completed.Task;

    /// <summary>
    /// Told by the database initialiser, before the host starts, that this start seeded the demo: with
    /// Demo:Seed on but the demo refused (a real database, a network address) there is nothing to follow up.
    /// </summary>
    public void DemoSeeded() => demoSeeded = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (demoSeeded)
            {
                await firstAnswer.WaitAsync(stoppingToken);
                await RunAsync(services, stoppingToken);
            }

            completed.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            completed.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            // A demo without its warnings is still a working app: say so rather than stop the host.
            logger.LogError(e, "The demo's follow-up (warnings, agenda, reports) failed; the next start tries again");
            completed.TrySetException(e);
        }
    }

    /// <summary>
    /// Safe to re-run and done once: it runs until the demo's reports exist (its last step), each step
    /// looks before it writes, and a repeated warnings run only refreshes the warnings the first one made
    /// (their unique key). A start cut short before the reports simply does it again. Seeded warnings
    /// are history, so nobody's bell rings for them.
    /// </summary>
    public static async Task RunAsync(IServiceProvider root, CancellationToken cancellationToken)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await DemoReports.ExistAsync(dbFactory, cancellationToken))
        {
            return;
        }

        var phases = new DatabaseInitialiser.Phases(services.GetRequiredService<ILoggerFactory>());
        await services.GetRequiredService<RiskWarningEvaluator>().RunAsync(null, cancellationToken, notify: false);
        phases.Done("demo risk warnings (after start)");

        // After the warnings, so the next meeting's agenda and the reports' risk-warnings section hold them.
        await DemoMeetings.AddOpenWarningsToNextMeetingAsync(dbFactory, clock, cancellationToken);
        await DemoReports.SeedAsync(dbFactory, clock, cancellationToken);
        phases.Done("demo agenda and reports (after start)");
    }
}
