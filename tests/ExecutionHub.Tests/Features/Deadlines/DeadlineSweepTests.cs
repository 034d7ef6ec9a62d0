using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Tests.Infrastructure.Messaging;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.Tests.Features.Deadlines;

public sealed class DeadlineSweepTests
{
    private static async Task<DeadlineSweep.Result> SweepAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
    }

    private static async Task<List<(AlertKind Kind, int Version)>> AlertsAsync(TestApp app, int matterId)
    {
        await using var db = await app.DbAsync();
        return (await db.Alerts.Where(a => a.MatterId == matterId && a.TaskId == null).OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.Kind, a.DeadlineVersion)).ToList();
    }

    /// <summary>A fresh referral with the demo matters' own alerts out of the way, so counts are this matter's.</summary>
    private static async Task<WorkflowScenario> ReferQuietlyAsync(TestApp app)
    {
        await using (var db = await app.DbAsync())
        {
            await db.Matters.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAlertAtUtc, (DateTime?)null));
            await db.Tasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAlertAtUtc, (DateTime?)null));
        }

        return await WorkflowScenario.ReferAsync(app);
    }

    [Fact]
    public async Task A_matter_received_at_T_is_due_soon_at_T_plus_48h_and_overdue_at_T_plus_72h_each_once()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReferQuietlyAsync(app);

        app.Clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromMinutes(1));
        await SweepAsync(app);
        Assert.Empty(await AlertsAsync(app, scenario.MatterId));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync(app);
        await SweepAsync(app);
        Assert.Equal([(AlertKind.DueSoon, 1)], await AlertsAsync(app, scenario.MatterId));

        app.Clock.Advance(TimeSpan.FromHours(24));
        await SweepAsync(app);
        await SweepAsync(app);
        Assert.Equal([(AlertKind.DueSoon, 1), (AlertKind.Overdue, 1)], await AlertsAsync(app, scenario.MatterId));
    }

    [Fact]
    public async Task Due_soon_goes_to_the_coordinators_overdue_to_the_coordinators_and_the_judge()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReferQuietlyAsync(app);
        var judge = await app.SignInAsAsync("judge.wang");
        var coordinator = await app.SignInAsAsync("coord.chen");

        app.Clock.Advance(TimeSpan.FromHours(48));
        await SweepAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(24));
        await SweepAsync(app);

        await using var db = await app.DbAsync();
        var sent = await db.Notifications.Where(n => n.MatterId == scenario.MatterId).Select(n => new { n.RecipientId, n.TitleKey }).ToListAsync();
        Assert.Contains(sent, n => n.RecipientId == coordinator.Id && n.TitleKey == "Notification.MatterDueSoon");
        Assert.DoesNotContain(sent, n => n.RecipientId == judge.Id && n.TitleKey == "Notification.MatterDueSoon");
        Assert.Contains(sent, n => n.RecipientId == judge.Id && n.TitleKey == "Notification.MatterOverdue");
        Assert.Contains(sent, n => n.RecipientId == coordinator.Id && n.TitleKey == "Notification.MatterOverdue");
    }

    [Fact]
    public async Task Two_sweeps_at_once_create_no_duplicate()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReferQuietlyAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(73));

        await Task.WhenAll(SweepAsync(app), SweepAsync(app), SweepAsync(app));

        Assert.Equal([(AlertKind.Overdue, 1)], await AlertsAsync(app, scenario.MatterId));
        await using var db = await app.DbAsync();
        // The alert's notifications only: the coordinators heard of the referral itself when it came in.
        var perRecipient = await db.Notifications.Where(n => n.MatterId == scenario.MatterId && n.AlertId != null)
            .GroupBy(n => n.RecipientId).Select(g => g.Count()).ToListAsync();
        Assert.All(perRecipient, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Overlapping_sweeps_log_no_database_error_for_the_alerts_another_sweep_fired_first()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        // Every open demo matter and task is overdue a month later: many alerts for the sweeps to race on.
        app.Clock.Advance(TimeSpan.FromDays(30));
        var log = CapturedLog.Attach(app);

        // On threads of their own, as Hangfire's workers run them: SQLite's async calls complete synchronously,
        // so sweeps started on one thread would simply run one after the other.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SweepAsync(app))));

        Assert.True(results.Sum(r => r.Alerts) > 10);
        Assert.DoesNotContain(log.Lines, l => l.Level >= LogLevel.Error && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        await using var db = await app.DbAsync();
        Assert.Equal(results.Sum(r => r.Alerts), await db.Alerts.CountAsync(a => a.FiredAtUtc == app.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task A_paused_matter_raises_no_alert()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReferQuietlyAsync(app);
        await scenario.AcceptAsync();
        await app.SendAsync(new PauseMatter(scenario.MatterId, await scenario.VersionAsync(), "等待法院补充材料"));

        app.Clock.Advance(TimeSpan.FromHours(100));
        await SweepAsync(app);

        Assert.Empty(await AlertsAsync(app, scenario.MatterId));
    }

    [Fact]
    public async Task After_an_extension_a_new_overdue_alert_fires_at_the_new_due_time()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReferQuietlyAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(73));
        await SweepAsync(app);

        await scenario.AsAsync("judge.wang");
        var newDue = app.Clock.GetUtcNow().UtcDateTime.AddHours(48);
        await app.SendAsync(new ExtendMatter(scenario.MatterId, await scenario.VersionAsync(), newDue, "被执行人外出务工"));
        app.Clock.Advance(TimeSpan.FromHours(47));
        await SweepAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync(app);

        Assert.Equal([(AlertKind.Overdue, 1), (AlertKind.DueSoon, 2), (AlertKind.Overdue, 2)], await AlertsAsync(app, scenario.MatterId));
    }

    [Fact]
    public async Task A_fed_back_matter_raises_no_further_alert()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReferQuietlyAsync(app);
        await scenario.ThroughFeedbackAsync();

        app.Clock.Advance(TimeSpan.FromHours(200));
        await SweepAsync(app);

        Assert.Empty(await AlertsAsync(app, scenario.MatterId));
    }

    [Fact]
    public async Task An_overdue_task_alerts_its_grid_worker_once()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReferQuietlyAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu", due: TimeSpan.FromHours(10));
        var worker = await app.SignInAsAsync("grid.liu");

        app.Clock.Advance(TimeSpan.FromHours(11));
        await SweepAsync(app);
        await SweepAsync(app);

        await using var db = await app.DbAsync();
        var alert = await db.Alerts.SingleAsync(a => a.TaskId == scenario.TaskId);
        Assert.Equal(AlertKind.Overdue, alert.Kind);
        Assert.True(await db.Notifications.AnyAsync(n => n.AlertId == alert.Id && n.RecipientId == worker.Id));
    }

    [Fact]
    public async Task The_sweep_reads_what_is_due_through_the_next_alert_index()
    {
        await using var app = await TestApp.CreateAsync();
        await using var db = await app.DbAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var matters = await ExecutionHub.Web.Data.Sqlite.SqliteDatabase.QueryPlanAsync(DeadlineSweep.DueMatters(db, now));
        var tasks = await ExecutionHub.Web.Data.Sqlite.SqliteDatabase.QueryPlanAsync(DeadlineSweep.DueTasks(db, now));

        // A SEARCH (a range on the index), never a SCAN of the table.
        Assert.Contains(matters, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("IX_Matters_NextAlertAtUtc", StringComparison.Ordinal));
        Assert.Contains(tasks, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("IX_Tasks_NextAlertAtUtc", StringComparison.Ordinal));
        Assert.DoesNotContain(matters.Concat(tasks), step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
