using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure.Jobs;
using ExecutionHub.Web.Startup;
using Hangfire;
using Hangfire.Common;

namespace ExecutionHub.Tests.Features.Warnings;

public sealed class RiskWarningJobTests
{
    [Fact]
    public void The_risk_rules_run_daily_at_six_over_every_street_through_the_evaluator()
    {
        var jobs = new RecordingJobManager();

        RecurringJobs.Register(jobs);

        var (job, cron) = jobs.Added[RiskWarningEvaluator.JobId];
        Assert.Equal(Cron.Daily(6), cron);
        Assert.Equal(typeof(RiskWarningEvaluator), job.Type);
        Assert.Equal([typeof(CancellationToken)], job.Method.GetParameters().Select(p => p.ParameterType));
    }

    [Fact]
    public async Task The_demo_database_holds_an_open_warning_for_the_street_officer_of_pingliang_road()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("street.huang");

        var warnings = await app.SendAsync(new ListRiskWarnings(OpenOnly: true));

        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal("平凉路街道", w.StreetName));
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
