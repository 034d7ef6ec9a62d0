using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Meetings;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Meetings;

/// <summary>A meeting's action items: who may own one, the board that follows them, marking one done, deleting one.</summary>
public sealed class ActionItemTests
{
    [Fact]
    public async Task An_action_item_needs_exactly_one_owner_and_a_due_day_from_today()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var id = await scenario.ScheduleAsync();
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new AddActionItem { MeetingId = id, Description = "无人负责", DueOn = scenario.Today.AddDays(5) }));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new AddActionItem { MeetingId = id, Description = "两个负责", OwnerAgencyId = scenario.HrId, OwnerUserId = "x", DueOn = scenario.Today.AddDays(5) }));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new AddActionItem { MeetingId = id, Description = "过期", OwnerAgencyId = scenario.HrId, DueOn = scenario.Today.AddDays(-1) }));

        var item = await scenario.ActionItemAsync(await scenario.AddActionItemAsync(id, dueInDays: 10));
        Assert.Equal(scenario.HrId, item.OwnerAgencyId);
        Assert.Equal(item.DueSoonAtUtc, item.NextAlertAtUtc);
    }

    [Fact]
    public async Task A_partner_agent_sees_only_their_agencys_open_items_and_marks_one_done_once()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var id = await scenario.ScheduleAsync();
        var forHr = await scenario.AddActionItemAsync(id, scenario.HrId);
        var forPolice = await scenario.AddActionItemAsync(id, scenario.PoliceId);

        await app.SignInAsAsync("hr.he");
        var board = await app.SendAsync(new ListActionItems());
        Assert.Contains(board.Rows, r => r.Id == forHr);
        Assert.DoesNotContain(board.Rows, r => r.Id == forPolice);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new CompleteActionItem(forPolice, 0, "越权")));

        var version = (await scenario.ActionItemAsync(forHr)).Version;
        await app.SignInAsAsync("hr.he");
        await app.SendAsync(new CompleteActionItem(forHr, version, "已核实：被执行人在某物流公司缴纳社保"));
        var done = await scenario.ActionItemAsync(forHr);
        Assert.NotNull(done.DoneAtUtc);
        Assert.Null(done.NextAlertAtUtc);
        Assert.DoesNotContain((await app.SendAsync(new ListActionItems())).Rows, r => r.Id == forHr);

        var again = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new CompleteActionItem(forHr, done.Version, "再次")));
        Assert.Equal("Rule.ActionItem.AlreadyDone", again.MessageKey);
    }

    [Fact]
    public async Task The_board_filters_by_owner_and_overdue()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var id = await scenario.ScheduleAsync();
        var soon = await scenario.AddActionItemAsync(id, scenario.HrId, dueInDays: 1);
        var later = await scenario.AddActionItemAsync(id, scenario.PoliceId, dueInDays: 20);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.SignInAsAsync("coord.chen");

        var overdue = await app.SendAsync(new ListActionItems(OverdueOnly: true));
        Assert.Contains(overdue.Rows, r => r.Id == soon && r.State == DueState.Overdue);
        Assert.DoesNotContain(overdue.Rows, r => r.Id == later);
        var police = await app.SendAsync(new ListActionItems(OwnerAgencyId: scenario.PoliceId));
        Assert.All(police.Rows, r => Assert.Equal("杨浦公安分局平凉路派出所", r.OwnerName));
        Assert.Contains(police.Rows, r => r.Id == later);
    }

    [Fact]
    public async Task An_action_item_can_be_deleted_until_a_reminder_has_gone_out_about_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var id = await scenario.ScheduleAsync();
        var quiet = await scenario.AddActionItemAsync(id, dueInDays: 20);
        var reminded = await scenario.AddActionItemAsync(id, dueInDays: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExecutionHub.Web.Features.Deadlines.DeadlineSweep>().RunAsync();
        }

        await app.SignInAsAsync("hr.he");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new DeleteActionItem(quiet)));
        await app.SignInAsAsync("coord.chen");
        await app.SendAsync(new DeleteActionItem(quiet));
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new DeleteActionItem(reminded)));
        Assert.Equal("Rule.ActionItem.HasAlerts", refusal.MessageKey);

        await using var db = await app.DbAsync();
        Assert.False(await db.ActionItems.AnyAsync(a => a.Id == quiet));
        Assert.True(await db.ActionItems.AnyAsync(a => a.Id == reminded));
    }
}
