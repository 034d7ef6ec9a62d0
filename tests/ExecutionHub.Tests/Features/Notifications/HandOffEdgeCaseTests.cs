using System.Globalization;
using ExecutionHub.Tests.Features.Administration.Users;
using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Features.Matters.Findings;
using ExecutionHub.Web.Features.Notifications;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Messaging;
using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Notifications;

/// <summary>Hand-offs to disabled users, SMS by preference and without personal data, re-runs, the live bell, and the demo data's silence.</summary>
public sealed class HandOffEdgeCaseTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public async Task Should_pass_a_finding_returned_to_a_disabled_grid_worker_to_the_streets_coordinators_naming_the_worker()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.SubmitFindingAsync();
        await app.DisableAsync("grid.liu");
        await app.SignInAsAsync("coord.chen");

        await app.SendAsync(new ReviewFinding(scenario.TaskId, await scenario.TaskVersionAsync(), Accept: false, Reason: "请补充晚间走访情况。"));

        var (row, target) = await app.BellAsync("coord.chen", "Notification.HandOff.FindingReturned.Redirected");
        Assert.Equal("刘建国", row.Note);
        Assert.Contains("刘建国", string.Format(Chinese, UiText.Get(row.TitleKey, Chinese), row.Subject, row.Note));
        Assert.Equal($"/matters/{scenario.MatterId}", target);
        Assert.DoesNotContain(await app.HandOffsAsync("grid.liu"), n => n.TitleKey.StartsWith("Notification.HandOff.FindingReturned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_pass_feedback_meant_for_a_disabled_judge_to_the_streets_coordinators()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await app.DisableAsync("judge.wang");

        await scenario.ThroughFeedbackAsync();

        var (row, _) = await app.BellAsync("coord.chen", "Notification.HandOff.MatterFedBack.Redirected");
        Assert.Equal("王振华", row.Note);
        Assert.DoesNotContain(await app.HandOffsAsync("judge.wang"), n => n.TitleKey.StartsWith("Notification.HandOff.MatterFedBack", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_text_a_grid_worker_who_has_a_number_by_default_with_the_reference_and_no_personal_data()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SetPhoneAsync("grid.liu", "13900001234");
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();

        await scenario.DispatchToAsync("grid.liu");

        var sms = Assert.Single(await app.HandOffSmsAsync());
        Assert.Equal(MessageChannels.Sms, sms.Channel);
        Assert.Equal("13900001234", sms.Recipient);
        await using var db = await app.DbAsync();
        var matter = await db.Matters.Include(m => m.TargetParty).Include(m => m.Case).ThenInclude(c => c!.Parties).SingleAsync(m => m.Id == scenario.MatterId);
        Assert.Contains(matter.Reference, sms.Body);
        foreach (var party in matter.Case!.Parties)
        {
            Assert.DoesNotContain(party.Name, sms.Body);
            Assert.DoesNotContain(party.IdentityNumber, sms.Body);
            Assert.All(party.Addresses, address => Assert.DoesNotContain(address, sms.Body));
        }

        Assert.DoesNotContain(matter.Details.LastKnownAddresses!, sms.Body);
        Assert.DoesNotContain(matter.Case.CaseNumber, sms.Body);
    }

    [Fact]
    public async Task Should_ring_the_bell_but_send_no_sms_when_the_grid_worker_turned_that_kind_off()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SetPhoneAsync("grid.liu", "13900001234", (HandOffKind.TaskDispatched, false));
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();

        await scenario.DispatchToAsync("grid.liu");

        Assert.Empty(await app.HandOffSmsAsync());
        Assert.Single(await app.HandOffsAsync("grid.liu"));
    }

    [Fact]
    public async Task Should_text_a_coordinator_only_for_the_kinds_they_turned_on()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SetPhoneAsync("coord.chen", "13900005678", (HandOffKind.FindingSubmitted, true));
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");

        await scenario.SubmitFindingAsync();

        // The new referral (off by default for a coordinator) sent none; the finding (turned on) one.
        var sms = Assert.Single(await app.HandOffSmsAsync());
        Assert.Equal("13900005678", sms.Recipient);
        Assert.StartsWith("sms:handoff:FindingSubmitted:", sms.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_add_nothing_when_the_same_hand_off_is_handled_again()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SetPhoneAsync("grid.liu", "13900001234");
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        var handOffs = app.Services.GetServices<IDomainEventHandler>().OfType<HandOffNotifications>().Single();

        // The same event of the same task at the same version, handled and saved twice (a job re-run, a replay).
        for (var run = 0; run < 2; run++)
        {
            await using var db = await app.DbAsync();
            var task = await db.Tasks.Include(t => t.Matter).SingleAsync(t => t.Id == scenario.TaskId);
            await handOffs.HandleAsync(db, [new RecordedEvent(task, new FindingReturned(), IsNew: false, task.Version)], CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Single(await app.HandOffsAsync("grid.liu"), n => n.TitleKey == "Notification.HandOff.FindingReturned");
        Assert.Single(await app.HandOffSmsAsync(), m => m.Key.StartsWith("sms:handoff:FindingReturned:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_ring_the_bell_only_once_the_notification_can_be_read()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var chen = await app.UserAsync("coord.chen");
        var seen = new List<int>();
        app.Services.GetRequiredService<INotificationSignal>().Changed += users =>
        {
            if (users.Contains(chen.Id))
            {
                // What the bell would read at this moment, from another connection.
                using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
                seen.Add(db.Notifications.Count(n => n.RecipientId == chen.Id && n.Key != null));
            }
        };

        // A referral is saved inside an explicit transaction: the bell must wait for its commit.
        await WorkflowScenario.ReferAsync(app);

        Assert.Equal([1], seen);
    }

    [Fact]
    public async Task Should_tell_nobody_of_the_demo_datas_hand_offs_at_seeding_or_at_a_restart()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();
        }

        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.Key != null));
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.Key.StartsWith("sms:handoff:")));
    }
}
