using ExecutionHub.Web.Infrastructure.Messaging;
using ExecutionHub.Web.Infrastructure.Time;
using Hangfire;

namespace ExecutionHub.Web.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, one line each: its id (shown in the Hangfire dashboard), the method to
/// run, and when. Cron expressions are read in Shanghai time. Hangfire passes its own shutdown
/// token in place of <see cref="CancellationToken.None"/>.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), InChina());
    }

    private static RecurringJobOptions InChina() => new() { TimeZone = ChinaTime.Zone };
}

/// <summary>Writes the recurring jobs into Hangfire's storage when the web host starts.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobs.Register(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
