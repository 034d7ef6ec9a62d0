using ExecutionHub.Web.Features.Deadlines;
using Hangfire;

namespace ExecutionHub.Web.Infrastructure.Jobs;

/// <summary>
/// Registers the recurring jobs when the app starts (re-registering is harmless) and queues one
/// sweep at once, so what fell due while the app was down is caught up without waiting a minute.
/// </summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager jobs, IBackgroundJobClient background) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<DeadlineSweep>(DeadlineSweep.JobId, sweep => sweep.RunAsync(CancellationToken.None), Cron.Minutely);
        background.Enqueue<DeadlineSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
