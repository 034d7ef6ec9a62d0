using ExecutionHub.Tests.Features.Statistics;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Reports;
using ExecutionHub.Web.Infrastructure.Jobs;
using ExecutionHub.Web.Infrastructure.Time;
using ExecutionHub.Web.Startup;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Reports;

public sealed class DraftMonthlyPortraitsTests : IAsyncLifetime
{
    /// <summary>1 December 2026, 06:00 in Shanghai: the job's scheduled time.</summary>
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 11, 30, 22, 0, 0, TimeSpan.Zero);

    private TestApp app = default!;
    private StatisticsScenario scenario = default!;
    private AppUser coordinator = default!;
    private AppUser northCoordinator = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        scenario = await StatisticsScenario.CreateAsync(app);
        await using var db = await app.DbAsync();
        var role = new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Coordinator) { NormalizedName = Roles.Coordinator.ToUpperInvariant() };
        if (await db.Roles.SingleOrDefaultAsync(r => r.Name == Roles.Coordinator) is { } existing)
        {
            role = existing;
        }
        else
        {
            db.Roles.Add(role);
        }

        coordinator = new AppUser { UserName = "c1", DisplayName = "协调员甲", StreetId = scenario.Data.Street.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
        northCoordinator = new AppUser { UserName = "c2", DisplayName = "协调员乙", StreetId = scenario.North.Id, CreatedAtUtc = TestApp.Start.UtcDateTime };
        db.Users.AddRange(coordinator, northCoordinator);
        await db.SaveChangesAsync();
        db.UserRoles.AddRange(
            new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = coordinator.Id, RoleId = role.Id },
            new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = northCoordinator.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<int> RunJobAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DraftMonthlyPortraits>().RunAsync();
    }

    [Fact]
    public async Task On_the_first_the_job_drafts_last_months_portrait_of_every_street_once_and_tells_its_coordinators_once()
    {
        app.Clock.SetUtcNow(FirstOfDecember);

        Assert.Equal(3, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());

        await using var db = await app.DbAsync();
        var reports = await db.Reports.OrderBy(r => r.StreetId).ToListAsync();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r =>
        {
            Assert.Equal(ReportKind.MonthlyPortrait, r.Kind);
            Assert.Equal(new DateOnly(2026, 11, 1), r.PeriodStart);
            Assert.Equal(ReportState.Draft, r.State);
            Assert.Null(r.GeneratedById);
        });

        // November's portrait holds the 7 matters received on 10 November, 4 of them fed back.
        var ours = ReportContent.Deserialize(reports.Single(r => r.StreetId == scenario.Data.Street.Id).Snapshot);
        Assert.Equal(new DateOnly(2026, 11, 30), ours.Period.Last);
        Assert.Equal("合计 | 7 | 4 | 42.5 | 75.0%", StatisticsText.Rows(ours.Table("by-type")!).Last());

        var notifications = await db.Notifications.Where(n => n.TitleKey == DraftMonthlyPortraits.NotificationKey).ToListAsync();
        Assert.Equal(new[] { coordinator.Id, northCoordinator.Id }.Order(StringComparer.Ordinal), notifications.Select(n => n.RecipientId).Order(StringComparer.Ordinal));
        var mine = notifications.Single(n => n.RecipientId == coordinator.Id);
        Assert.Equal("测试街道 2026-11", mine.Subject);
        Assert.Equal($"/reports/{reports.Single(r => r.StreetId == scenario.Data.Street.Id).Id}", mine.Link);
    }

    [Fact]
    public async Task A_street_whose_coordinator_already_drafted_the_month_is_left_alone()
    {
        scenario.Data.ActAs(coordinator, Roles.Coordinator, scenario.Data.Street.Id);
        var mine = await app.SendAsync(new GenerateReportDraft(scenario.Data.Street.Id, ReportKind.MonthlyPortrait, new DateOnly(2026, 11, 1)));
        app.Clock.SetUtcNow(FirstOfDecember);

        Assert.Equal(2, await RunJobAsync());

        await using var db = await app.DbAsync();
        Assert.Equal(mine, (await db.Reports.SingleAsync(r => r.StreetId == scenario.Data.Street.Id)).Id);
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == coordinator.Id));
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == northCoordinator.Id));
    }

    [Fact]
    public void The_job_is_scheduled_on_the_first_of_each_month_in_shanghai_time()
    {
        var jobs = new RecordingJobManager();

        RecurringJobs.Register(jobs);

        var (cron, options) = jobs.Added[DraftMonthlyPortraits.JobId];
        Assert.Equal(Cron.Monthly(1, 6), cron);
        Assert.Equal(ChinaTime.Zone, options.TimeZone);
        Assert.Equal(new DateOnly(2026, 11, 1), DraftMonthlyPortraits.StatisticsMonth(new DateOnly(2026, 12, 1)));
        Assert.Equal(new DateOnly(2025, 12, 1), DraftMonthlyPortraits.StatisticsMonth(new DateOnly(2026, 1, 1)));
    }

    private sealed class RecordingJobManager : IRecurringJobManager
    {
        public Dictionary<string, (string Cron, RecurringJobOptions Options)> Added { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Added[recurringJobId] = (cronExpression, options);

        public void Trigger(string recurringJobId)
        {
        }

        public void RemoveIfExists(string recurringJobId)
        {
        }
    }
}
