using ExecutionHub.Web.Features.Deadlines;
using Hangfire;

namespace ExecutionHub.Web.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs when the app starts; re-registering is harmless (AddOrUpdate).</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<DeadlineSweep>(DeadlineSweep.JobId, sweep => sweep.RunAsync(CancellationToken.None), Cron.Minutely);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
