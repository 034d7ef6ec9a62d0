using ExecutionHub.Tests.Features.Mediation;
using ExecutionHub.Tests.Features.Meetings;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Features.Mediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Deadlines;

/// <summary>
/// Acceptance (issue 7): a meeting's action item and a settlement's instalment each raise their
/// overdue alert exactly once, however often the sweep runs across the due time and after a
/// restart over the same database, with the bell notifications to the right people.
/// </summary>
public sealed class ReminderTests
{
    private static async Task SweepAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
    }

    /// <summary>The demo data's own deadlines out of the way, so every alert counted is the test's.</summary>
    private static async Task QuietenDemoDeadlinesAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        await db.Matters.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAlertAtUtc, (DateTime?)null));
        await db.Tasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAlertAtUtc, (DateTime?)null));
        await db.Instalments.ExecuteUpdateAsync(s => s.SetProperty(i => i.NextAlertAtUtc, (DateTime?)null));
        await db.ActionItems.ExecuteUpdateAsync(s => s.SetProperty(a => a.NextAlertAtUtc, (DateTime?)null));
    }

    private static async Task<string> UserIdAsync(TestApp app, string userName)
    {
        await using var db = await app.DbAsync();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
    }

    [Fact]
    public async Task An_action_item_and_an_instalment_each_raise_their_overdue_alert_exactly_once_across_sweeps_and_a_restart()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await QuietenDemoDeadlinesAsync(app);
        var meetings = await MeetingScenario.ChensStreetAsync(app);
        var meetingId = await meetings.ScheduleAsync();
        var actionItemId = await meetings.AddActionItemAsync(meetingId, meetings.HrId, dueInDays: 5);
        var mediation = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        var settlement = await mediation.SettlementAsync(5_000m, 5_000m);
        settlement.Instalments[0].DueOn = mediation.Today.AddDays(5);
        await app.SendAsync(settlement);
        var instalmentId = (await mediation.InstalmentsAsync()).Single().Id;
        var overdueAt = DueDateAlerts.OverdueAt(mediation.Today.AddDays(5));

        // Sweeps every few hours up to a minute before the due day ends: at most "due soon", never "overdue".
        while (app.Clock.GetUtcNow().UtcDateTime.AddHours(7) < overdueAt.AddMinutes(-1))
        {
            await SweepAsync(app);
            app.Clock.Advance(TimeSpan.FromHours(7));
        }

        app.Clock.SetUtcNow(overdueAt.AddMinutes(-1));
        await SweepAsync(app);
        Assert.Empty(await OverdueAlertsAsync(app, actionItemId, instalmentId));

        // Across the due time: several sweeps, some at once.
        app.Clock.SetUtcNow(overdueAt);
        await SweepAsync(app);
        await Task.WhenAll(SweepAsync(app), SweepAsync(app));
        app.Clock.Advance(TimeSpan.FromHours(30));
        await SweepAsync(app);

        // A restart: a fresh service provider over the same database, and the sweep again.
        await using var restarted = await app.RestartAsync();
        await SweepAsync(restarted);
        restarted.Clock.Advance(TimeSpan.FromDays(10));
        await SweepAsync(restarted);

        var overdue = await OverdueAlertsAsync(restarted, actionItemId, instalmentId);
        Assert.Equal(2, overdue.Count);
        var actionAlert = Assert.Single(overdue, a => a.ActionItemId == actionItemId);
        var instalmentAlert = Assert.Single(overdue, a => a.InstalmentId == instalmentId);
        Assert.Equal(ActionItem.AlertKey(actionItemId, AlertKind.Overdue), actionAlert.Key);
        Assert.Equal(Instalment.AlertKey(instalmentId, AlertKind.Overdue), instalmentAlert.Key);
        Assert.Equal(overdueAt, actionAlert.DueAtUtc);

        // Due soon fired once for each as well, before the overdue alert.
        await using var db = await restarted.DbAsync();
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.ActionItemId == actionItemId && a.Kind == AlertKind.DueSoon));
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.InstalmentId == instalmentId && a.Kind == AlertKind.DueSoon));

        // The action item's overdue alert: to hr.he (the owning agency's agent) and coord.chen, once each.
        var chen = await UserIdAsync(restarted, "coord.chen");
        var hr = await UserIdAsync(restarted, "hr.he");
        var police = await UserIdAsync(restarted, "police.xu");
        var actionNotes = await db.Notifications.Where(n => n.AlertId == actionAlert.Id).ToListAsync();
        Assert.Contains(actionNotes, n => n.RecipientId == hr);
        Assert.Contains(actionNotes, n => n.RecipientId == chen);
        Assert.DoesNotContain(actionNotes, n => n.RecipientId == police);
        Assert.All(actionNotes, n => Assert.Equal(("Notification.ActionItemOverdue", $"/meetings/{meetingId}"), (n.TitleKey, n.Link)));
        Assert.Equal(actionNotes.Count, actionNotes.Select(n => n.RecipientId).Distinct().Count());

        // The instalment's: to the street's coordinators and the mediator (coord.chen here), linking to the case.
        var instalmentNotes = await db.Notifications.Where(n => n.AlertId == instalmentAlert.Id).ToListAsync();
        var note = Assert.Single(instalmentNotes, n => n.RecipientId == chen);
        Assert.Equal(("Notification.InstalmentOverdue", $"/cases/{mediation.Case.Id}"), (note.TitleKey, note.Link));
        Assert.Contains(mediation.Case.CaseNumber, note.Subject, StringComparison.Ordinal);
        Assert.Equal(instalmentNotes.Count, instalmentNotes.Select(n => n.RecipientId).Distinct().Count());
    }

    [Fact]
    public async Task A_paid_instalment_and_a_done_action_item_raise_no_alert()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await QuietenDemoDeadlinesAsync(app);
        var meetings = await MeetingScenario.ChensStreetAsync(app);
        var actionItemId = await meetings.AddActionItemAsync(await meetings.ScheduleAsync(), meetings.HrId, dueInDays: 5);
        var mediation = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        await app.SendAsync(await mediation.SettlementAsync(5_000m, 5_000m));
        var instalment = (await mediation.InstalmentsAsync()).Single();

        await app.SendAsync(new MarkInstalmentPaid { InstalmentId = instalment.Id, Version = instalment.Version, Amount = 5_000m, PaidOn = mediation.Today });
        await app.SendAsync(new Web.Features.Meetings.CompleteActionItem(actionItemId, (await meetings.ActionItemAsync(actionItemId)).Version, "已办结"));
        app.Clock.Advance(TimeSpan.FromDays(60));
        await SweepAsync(app);

        await using var db = await app.DbAsync();
        Assert.False(await db.Alerts.AnyAsync(a => a.InstalmentId == instalment.Id || a.ActionItemId == actionItemId));
    }

    [Fact]
    public async Task An_action_item_owned_by_a_person_alerts_that_person_and_the_coordinators()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await QuietenDemoDeadlinesAsync(app);
        var meetings = await MeetingScenario.ChensStreetAsync(app);
        var actionItemId = await meetings.AddActionItemAsync(await meetings.ScheduleAsync(), userName: "judge.li", dueInDays: 2);

        await SweepAsync(app);

        await using var db = await app.DbAsync();
        var alert = await db.Alerts.SingleAsync(a => a.ActionItemId == actionItemId);
        Assert.Equal(AlertKind.DueSoon, alert.Kind);
        var recipients = await db.Notifications.Where(n => n.AlertId == alert.Id).Select(n => n.RecipientId).ToListAsync();
        Assert.Contains(await UserIdAsync(app, "judge.li"), recipients);
        Assert.Contains(await UserIdAsync(app, "coord.chen"), recipients);
        Assert.DoesNotContain(await UserIdAsync(app, "judge.wang"), recipients);
    }

    [Fact]
    public async Task The_sweep_reads_due_instalments_and_action_items_through_their_next_alert_indexes()
    {
        await using var app = await TestApp.CreateAsync();
        await using var db = await app.DbAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var instalments = await SqliteDatabase.QueryPlanAsync(DeadlineSweep.DueInstalments(db, now));
        var actionItems = await SqliteDatabase.QueryPlanAsync(DeadlineSweep.DueActionItems(db, now));

        Assert.Contains(instalments, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("IX_Instalments_NextAlertAtUtc", StringComparison.Ordinal));
        Assert.Contains(actionItems, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("IX_ActionItems_NextAlertAtUtc", StringComparison.Ordinal));
        Assert.DoesNotContain(instalments.Concat(actionItems), step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private static async Task<List<Alert>> OverdueAlertsAsync(TestApp app, int actionItemId, int instalmentId)
    {
        await using var db = await app.DbAsync();
        return await db.Alerts.AsNoTracking()
            .Where(a => a.Kind == AlertKind.Overdue && (a.ActionItemId == actionItemId || a.InstalmentId == instalmentId))
            .ToListAsync();
    }
}
