using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Groups;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Groups;

/// <summary>Matters and tasks assigned to a working group as well as to a person; members take group tasks.</summary>
public sealed class GroupAssignmentTests
{
    [Fact]
    public async Task A_coordinator_assigns_a_matter_to_a_group_which_shows_on_the_matter_in_the_list_filter_and_on_the_timeline()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();

        await app.SendAsync(new AssignMatterToGroup(workflow.MatterId, await workflow.VersionAsync(), groups.InvestigationGroup));

        var view = await app.SendAsync(new GetMatter(workflow.MatterId));
        Assert.Equal((groups.InvestigationGroup, "执行调查组"), (view.Group!.GroupId, view.Group.GroupName));
        var filtered = await app.SendAsync(new ListMatters { WorkingGroupId = groups.InvestigationGroup, PageSize = 200 });
        Assert.Contains(filtered.Rows, r => r.Id == workflow.MatterId && r.GroupName == "执行调查组");
        Assert.All(filtered.Rows, r => Assert.Equal("执行调查组", r.GroupName));
        Assert.Equal("Timeline.MatterAssignedToGroup", (await workflow.TimelineAsync())[^1]);
    }

    [Fact]
    public async Task A_coordinator_takes_a_matter_out_of_its_group_and_the_timeline_says_from_which()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();
        await app.SendAsync(new AssignMatterToGroup(workflow.MatterId, await workflow.VersionAsync(), groups.InvestigationGroup));

        await app.SendAsync(new AssignMatterToGroup(workflow.MatterId, await workflow.VersionAsync(), null));

        Assert.Null((await workflow.MatterAsync()).WorkingGroupId);
        await using var db = await app.DbAsync();
        var last = await db.Timeline.Where(t => t.MatterId == workflow.MatterId).OrderBy(t => t.Id).LastAsync();
        Assert.Equal(("Timeline.MatterRemovedFromGroup", "执行调查组"), (last.Event, last.Detail));
    }

    [Fact]
    public async Task A_group_of_another_street_is_refused_and_nothing_changes()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();
        var version = await workflow.VersionAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AssignMatterToGroup(workflow.MatterId, version, groups.OtherStreetGroup)));

        Assert.Equal("Rule.Group.NotOfStreet", refused.MessageKey);
        Assert.Null((await workflow.MatterAsync()).WorkingGroupId);
    }

    [Theory]
    [InlineData("coord.zhao")]
    [InlineData("grid.liu")]
    [InlineData("judge.wang")]
    public async Task Only_the_streets_coordinator_assigns_a_matter_to_a_group(string outsider)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();
        var version = await workflow.VersionAsync();
        await app.SignInAsAsync(outsider);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new AssignMatterToGroup(workflow.MatterId, version, groups.InvestigationGroup)));

        Assert.Null((await workflow.MatterAsync()).WorkingGroupId);
    }

    [Fact]
    public async Task A_task_sent_to_a_group_leaves_its_holder_and_waits_in_every_members_queue_but_no_one_elses()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();

        var task = (await workflow.MatterAsync()).Tasks.Single();
        Assert.Equal((groups.InvestigationGroup, (string?)null, (int?)null), (task.WorkingGroupId, task.AssigneeId, task.GridId));
        Assert.Equal("Timeline.TaskAssignedToGroup", (await workflow.TimelineAsync())[^1]);

        foreach (var member in new[] { "grid.liu", groups.SecondMember })
        {
            await app.SignInAsAsync(member);
            var queue = await app.SendAsync(new ListMyGroupWork());
            Assert.Contains(queue.Single(g => g.Kind == WorkingGroupKind.ExecutionInvestigation).Tasks, t => t.TaskId == workflow.TaskId);
            Assert.Equal(workflow.TaskId, (await app.SendAsync(new GetMyTask(workflow.TaskId))).TaskId);
        }

        // The former holder, in no group, no longer has the task.
        await app.SignInAsAsync("grid.sun");
        Assert.Empty(await app.SendAsync(new ListMyGroupWork()));
        Assert.DoesNotContain(await app.SendAsync(new ListMyTasks()), t => t.TaskId == workflow.TaskId);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMyTask(workflow.TaskId)));
    }

    [Fact]
    public async Task A_coordinator_dispatches_a_task_straight_to_a_group_offered_among_the_dispatch_candidates()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();
        var options = await app.SendAsync(new GetDispatchOptions(workflow.MatterId));
        var candidate = options.Candidates.Single(c => c.GroupId == groups.InvestigationGroup);

        await app.SendAsync(new DispatchMatter(workflow.MatterId, options.Version,
            [new TaskAssignment { WorkingGroupId = candidate.GroupId, DueAtUtc = options.DefaultDueAtUtc, Instructions = "请组内认领" }]));

        var task = (await workflow.MatterAsync()).Tasks.Single();
        Assert.True(task.AwaitsClaim);
        Assert.Equal((MatterStatus.Dispatched, (int?)groups.InvestigationGroup), ((await workflow.MatterAsync()).Status, task.WorkingGroupId));
        await using (var db = await app.DbAsync())
        {
            var last = await db.Timeline.Where(t => t.MatterId == workflow.MatterId).OrderBy(t => t.Id).LastAsync();
            Assert.Equal(("Timeline.TaskDispatched", "执行调查组"), (last.Event, last.Detail));
        }

        await app.SignInAsAsync("grid.liu");
        Assert.Contains((await app.SendAsync(new ListMyGroupWork())).SelectMany(g => g.Tasks), t => t.TaskId == task.Id);
    }

    [Fact]
    public async Task Dispatching_to_a_group_of_another_street_or_to_two_holders_at_once_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();
        var options = await app.SendAsync(new GetDispatchOptions(workflow.MatterId));
        var worker = options.Candidates.First(c => c.UserId is not null);

        var otherStreet = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new DispatchMatter(workflow.MatterId, options.Version,
            [new TaskAssignment { WorkingGroupId = groups.OtherStreetGroup, DueAtUtc = options.DefaultDueAtUtc }])));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(new DispatchMatter(workflow.MatterId, options.Version,
            [new TaskAssignment { AssigneeId = worker.UserId, WorkingGroupId = groups.InvestigationGroup, DueAtUtc = options.DefaultDueAtUtc }])));

        Assert.Equal("Rule.Group.NotOfStreet", otherStreet.MessageKey);
        Assert.Empty((await workflow.MatterAsync()).Tasks);
    }

    [Fact]
    public async Task A_submitted_task_cannot_be_sent_to_a_group()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();
        await workflow.DispatchToAsync("grid.liu");
        await workflow.SubmitFindingAsync("grid.liu");
        await app.SignInAsAsync("coord.chen");
        var version = await workflow.TaskVersionAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AssignTaskToGroup(workflow.TaskId, version, groups.InvestigationGroup)));

        Assert.Equal("Rule.Task.ReassignOnlyOpen", refused.MessageKey);
        Assert.Null((await workflow.MatterAsync()).Tasks.Single().WorkingGroupId);
    }

    [Fact]
    public async Task A_grid_worker_member_reaches_a_matter_of_their_group_but_not_other_matters()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var inGroup = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        var elsewhere = await groups.ReliefApplicationAsync(ApplicationRoute.Judge);
        var liu = await app.SignInAsAsync("grid.liu");
        var sun = await app.SignInAsAsync("grid.sun");

        var reached = await MatterScope.OfMatterAsync(app.Services, inGroup, CancellationToken.None);
        var notReached = await MatterScope.OfMatterAsync(app.Services, elsewhere, CancellationToken.None);

        Assert.True(liu.Covers(Roles.GridWorker, reached));
        Assert.False(sun.Covers(Roles.GridWorker, reached));
        Assert.False(liu.Covers(Roles.GridWorker, notReached));
    }

    [Fact]
    public async Task The_groups_page_shows_a_coordinator_their_streets_four_groups_with_members_and_open_work()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var relief = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        var workflow = await groups.GroupTaskAsync();
        await app.SignInAsAsync("coord.chen");

        var list = await app.SendAsync(new ListWorkingGroups());

        Assert.Equal(
            [WorkingGroupKind.ExecutionInvestigation, WorkingGroupKind.DisputeResolution, WorkingGroupKind.ExecutionPublicity, WorkingGroupKind.HearingAndRelief],
            list.Select(g => g.Kind));
        var hearing = list.Single(g => g.Id == groups.HearingGroup);
        Assert.Equal(["刘建国"], hearing.Members.Select(m => m.Name));
        Assert.Equal(Roles.GridWorker, hearing.Members.Single().Role);
        Assert.True(hearing.OpenMatters.Single(m => m.MatterId == relief).AwaitsRecommendation);
        var investigation = list.Single(g => g.Id == groups.InvestigationGroup);
        Assert.Null(investigation.OpenTasks.Single(t => t.TaskId == workflow.TaskId).HolderName);
    }

    [Fact]
    public async Task A_judge_sees_the_groups_of_every_street_of_the_court_and_a_grid_worker_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");

        var list = await app.SendAsync(new ListWorkingGroups());

        Assert.Equal(8, list.Count);
        Assert.Equal(2, list.Select(g => g.StreetName).Distinct().Count());
        await app.SignInAsAsync("grid.liu");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListWorkingGroups()));
    }

    [Fact]
    public async Task The_demo_data_has_members_in_every_group_a_relief_application_awaiting_the_hearing_group_and_a_task_to_claim()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        var list = await app.SendAsync(new ListWorkingGroups());

        Assert.All(list, g => Assert.NotEmpty(g.Members));
        Assert.Contains(list.Single(g => g.Kind == WorkingGroupKind.HearingAndRelief).Members, m => m.Name == "陈静");
        Assert.Contains(list.Single(g => g.Kind == WorkingGroupKind.HearingAndRelief).OpenMatters, m => m.AwaitsRecommendation && m.Type == MatterType.JudicialRelief);
        Assert.Contains(list.Single(g => g.Kind == WorkingGroupKind.ExecutionInvestigation).OpenTasks, t => t.HolderName is null);
        await app.SignInAsAsync("grid.liu");
        Assert.Contains(await app.SendAsync(new ListMyGroupWork()), g => g.Tasks.Count > 0);
    }
}
