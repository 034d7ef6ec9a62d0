using ExecutionHub.Web.Infrastructure.Jobs;
using ExecutionHub.Web.Infrastructure.Messaging;
using ExecutionHub.Web.Startup;
using Hangfire;
using Hangfire.Common;

namespace ExecutionHub.Tests.Infrastructure.Messaging;

public sealed class RecurringJobsTests
{
    [Fact]
    public void The_outbox_job_runs_every_minute_under_its_id_and_a_readable_name()
    {
        var jobs = new RecordingJobManager();

        RecurringJobs.Register(jobs);

        var (job, cron) = jobs.Added[DeliverOutboxJob.RecurringJobId];
        Assert.Equal(Cron.Minutely(), cron);
        Assert.Equal(typeof(DeliverOutboxJob), job.Type);
        var name = job.Method.GetCustomAttributes(typeof(JobDisplayNameAttribute), inherit: false).Cast<JobDisplayNameAttribute>().Single();
        Assert.Contains("Outbox", name.DisplayName);
    }

    [Fact]
    public void The_deadline_sweep_runs_every_minute_and_database_maintenance_nightly()
    {
        var jobs = new RecordingJobManager();

        RecurringJobs.Register(jobs);

        Assert.Equal(Cron.Minutely(), jobs.Added[ExecutionHub.Web.Features.Deadlines.DeadlineSweep.JobId].Cron);
        Assert.Equal(Cron.Daily(3), jobs.Added[DatabaseMaintenanceJob.RecurringJobId].Cron);
    }

    private sealed class RecordingJobManager : IRecurringJobManager
    {
        public Dictionary<string, (Job Job, string Cron)> Added { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Added[recurringJobId] = (job, cronExpression);

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
