using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Features.Groups;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Groups;

/// <summary>A task sent to a group waits until one member claims it; then it is theirs alone, and nobody outside the group reaches it.</summary>
public sealed class ClaimGroupTaskTests
{
    [Fact]
    public async Task A_member_claims_a_group_task_which_becomes_theirs_alone_and_the_claim_is_on_the_timeline()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();
        var liu = await app.SignInAsAsync("grid.liu");

        await app.SendAsync(new ClaimGroupTask(workflow.TaskId, await workflow.TaskVersionAsync()));

        var task = (await workflow.MatterAsync()).Tasks.Single();
        Assert.Equal((liu.Id, liu.GridId, (int?)groups.InvestigationGroup), (task.AssigneeId, task.GridId, task.WorkingGroupId));
        Assert.Contains(await app.SendAsync(new ListMyTasks()), t => t.TaskId == workflow.TaskId);
        Assert.DoesNotContain((await app.SendAsync(new ListMyGroupWork())).SelectMany(g => g.Tasks), t => t.TaskId == workflow.TaskId);
        await using (var db = await app.DbAsync())
        {
            var last = await db.Timeline.Where(t => t.MatterId == workflow.MatterId).OrderBy(t => t.Id).LastAsync();
            Assert.Equal(("Timeline.TaskClaimed", liu.Id, (int?)workflow.TaskId), (last.Event, last.ActorId, last.TaskId));
        }

        // The other member loses sight of it and cannot take it too.
        await app.SignInAsAsync(groups.SecondMember);
        var version = await workflow.TaskVersionAsync();
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMyTask(workflow.TaskId)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ClaimGroupTask(workflow.TaskId, version)));
        Assert.Equal(liu.Id, (await workflow.MatterAsync()).Tasks.Single().AssigneeId);
    }

    [Fact]
    public async Task An_unclaimed_group_task_that_falls_overdue_is_announced_to_every_member_of_the_group()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();
        var liu = await app.SignInAsAsync("grid.liu");
        DateTime due;
        List<string> members;
        await using (var db = await app.DbAsync())
        {
            due = (await db.Tasks.SingleAsync(t => t.Id == workflow.TaskId)).DueAtUtc;
            members = await db.WorkingGroupMembers.Where(m => m.WorkingGroupId == groups.InvestigationGroup).Select(m => m.UserId).ToListAsync();
        }

        app.Clock.SetUtcNow(new DateTimeOffset(due).AddMinutes(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
        }

        await using var check = await app.DbAsync();
        var told = await check.Notifications.Where(n => n.TitleKey == "Notification.TaskOverdue" && n.Alert!.TaskId == workflow.TaskId)
            .Select(n => n.RecipientId).ToListAsync();
        Assert.Contains(liu.Id, told);
        Assert.Contains(groups.SecondMember, told.Select(id => check.Users.Single(u => u.Id == id).UserName));
        Assert.All(members, m => Assert.Contains(m, told));
    }

    [Fact]
    public async Task The_claimant_records_the_finding_and_the_usual_review_follows()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();
        await app.SignInAsAsync("grid.liu");
        await app.SendAsync(new ClaimGroupTask(workflow.TaskId, await workflow.TaskVersionAsync()));

        await workflow.SubmitFindingAsync("grid.liu");
        await workflow.AcceptFindingAsync();

        Assert.Equal(VerificationTaskStatus.Accepted, (await workflow.MatterAsync()).Tasks.Single().Status);
    }

    [Fact]
    public async Task A_member_must_claim_a_group_task_before_recording_a_finding_on_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => workflow.SubmitFindingAsync("grid.liu"));

        Assert.Equal("Rule.Task.ClaimFirst", refused.MessageKey);
        var task = (await workflow.MatterAsync()).Tasks.Single();
        Assert.Equal((VerificationTaskStatus.Assigned, (Finding?)null), (task.Status, task.Finding));
    }

    [Fact]
    public async Task A_grid_worker_outside_the_group_can_neither_see_nor_claim_its_task()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();
        var version = await workflow.TaskVersionAsync();
        await app.SignInAsAsync("grid.sun");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ClaimGroupTask(workflow.TaskId, version)));

        Assert.Null((await workflow.MatterAsync()).Tasks.Single().AssigneeId);
    }

    [Fact]
    public async Task A_task_held_by_a_person_cannot_be_claimed_by_anyone()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();
        await workflow.DispatchToAsync("grid.sun");
        var version = await workflow.TaskVersionAsync();
        await app.SignInAsAsync("grid.sun");

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new ClaimGroupTask(workflow.TaskId, version)));

        Assert.Equal("Rule.Task.NotGroupTask", refused.MessageKey);
    }
}
