using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Features.Reports;
using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure.Jobs;
using ExecutionHub.Web.Infrastructure.Messaging;
using ExecutionHub.Web.Infrastructure.Time;
using Hangfire;

namespace ExecutionHub.Web.Startup;

/// <summary>
/// Every recurring job, one line each: its id (shown in the Hangfire dashboard), the method to
/// run, and when. Cron expressions are read in Shanghai time. Hangfire passes its own shutdown
/// token in place of <see cref="CancellationToken.None"/>.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<DeadlineSweep>(DeadlineSweep.JobId, sweep => sweep.RunAsync(CancellationToken.None), Cron.Minutely(), InChina());
        jobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), InChina());
        jobs.AddOrUpdate<RiskWarningEvaluator>(RiskWarningEvaluator.JobId, evaluator => evaluator.RunAsync(CancellationToken.None), Cron.Daily(6), InChina());
        jobs.AddOrUpdate<DatabaseMaintenanceJob>(DatabaseMaintenanceJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3), InChina());
        jobs.AddOrUpdate<ApiRecordsRetention>(ApiRecordsRetention.JobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3, 30), InChina());
        jobs.AddOrUpdate<DraftMonthlyPortraits>(DraftMonthlyPortraits.JobId, job => job.RunAsync(CancellationToken.None), Cron.Monthly(1, 6), InChina());
    }

    private static RecurringJobOptions InChina() => new() { TimeZone = ChinaTime.Zone };
}

/// <summary>
/// Writes the recurring jobs into Hangfire's storage once the web host has answered its first request
/// (<see cref="FirstAnswer"/>: these writes need not hold up the first page), and queues one deadline
/// sweep at once so what fell due while the app was down is caught up without waiting.
/// </summary>
internal sealed class RecurringJobsRegistration(
    IRecurringJobManager jobs, IBackgroundJobClient background, FirstAnswer firstAnswer, IHostApplicationLifetime lifetime, ILogger<RecurringJobsRegistration> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await firstAnswer.WaitAsync(lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Register();
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void Register()
    {
        try
        {
            RecurringJobs.Register(jobs);
            background.Enqueue<DeadlineSweep>(sweep => sweep.RunAsync(CancellationToken.None));
        }
        catch (Exception e)
        {
            logger.LogError(e, "The recurring jobs could not be written into Hangfire's storage; the next start tries again");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
