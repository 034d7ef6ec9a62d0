using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Groups;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Groups;

/// <summary>The matter page's group panel offers each action only to whoever may take it, while it still applies.</summary>
public sealed class MatterGroupPanelTests : BunitTestBase
{
    private static readonly IReadOnlyList<GroupChoice> StreetGroups =
    [
        new(1, WorkingGroupKind.ExecutionInvestigation, "执行调查组"),
        new(4, WorkingGroupKind.HearingAndRelief, "听证救助组"),
    ];

    private IRenderedComponent<MatterGroupPanel> Panel(MatterGroupView group, bool coordinator, MatterType type = MatterType.JudicialRelief, bool decided = false) =>
        Render<MatterGroupPanel>(p => p
            .Add(x => x.Group, group)
            .Add(x => x.Type, type)
            .Add(x => x.IsOpen, true)
            .Add(x => x.Decided, decided)
            .Add(x => x.IsCoordinator, coordinator));

    private static GroupRecommendation Recommended() => new()
    {
        Verdict = ApplicationVerdict.Refused,
        Text = "申请人有稳定收入",
        WorkingGroupId = 4,
        RecordedByName = "刘建国",
        RecordedAtUtc = TestApp.Start.UtcDateTime,
    };

    [Fact]
    public void An_unrouted_application_offers_the_coordinator_both_routes_and_no_recommendation()
    {
        var cut = Panel(new MatterGroupView(null, null, null, null, SenderIsMember: false, StreetGroups), coordinator: true);

        Assert.Equal("尚未流转", cut.Find("[data-testid=matter-route]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=action-route-group]"));
        Assert.NotNull(cut.Find("[data-testid=action-route-judge]"));
        Assert.NotNull(cut.Find("[data-testid=action-assign-group]"));
        Assert.Empty(cut.FindAll("[data-testid=action-recommend]"));
    }

    [Fact]
    public void An_application_awaiting_the_group_offers_a_member_the_recommendation_and_the_coordinator_only_the_route_to_the_judge()
    {
        var awaiting = new MatterGroupView(4, "听证救助组", ApplicationRoute.HearingGroup, null, SenderIsMember: true, StreetGroups);

        var member = Panel(awaiting, coordinator: true);

        Assert.Equal("待工作组建议", member.Find("[data-testid=matter-recommendation]").TextContent);
        Assert.NotNull(member.Find("[data-testid=action-recommend]"));
        Assert.Empty(member.FindAll("[data-testid=action-route-group]"));
        Assert.NotNull(member.Find("[data-testid=action-route-judge]"));
        // While the group holds the application, the coordinator cannot move it to another group.
        Assert.Empty(member.FindAll("[data-testid=action-assign-group]"));
    }

    [Fact]
    public void A_coordinator_outside_the_group_is_not_offered_the_recommendation()
    {
        var cut = Panel(new MatterGroupView(4, "听证救助组", ApplicationRoute.HearingGroup, null, SenderIsMember: false, StreetGroups), coordinator: true);

        Assert.Empty(cut.FindAll("[data-testid=action-recommend]"));
    }

    [Fact]
    public void A_recorded_recommendation_shows_with_who_made_it_and_closes_routing()
    {
        var cut = Panel(new MatterGroupView(4, "听证救助组", ApplicationRoute.HearingGroup, Recommended(), SenderIsMember: true, StreetGroups), coordinator: true);

        var shown = cut.Find("[data-testid=matter-recommendation]").TextContent;
        Assert.Contains("建议不予准许", shown, StringComparison.Ordinal);
        Assert.Contains("申请人有稳定收入", shown, StringComparison.Ordinal);
        Assert.Contains("刘建国", shown, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=action-recommend]"));
        Assert.Empty(cut.FindAll("[data-testid=action-route-judge]"));
    }

    [Fact]
    public void A_judge_sees_the_route_but_no_actions()
    {
        var cut = Panel(new MatterGroupView(4, "听证救助组", ApplicationRoute.HearingGroup, null, SenderIsMember: false, StreetGroups), coordinator: false);

        Assert.Equal("听证救助组", cut.Find("[data-testid=matter-route]").TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void A_matter_that_is_not_an_application_shows_its_group_without_routing()
    {
        var cut = Panel(new MatterGroupView(1, "执行调查组", null, null, SenderIsMember: false, StreetGroups), coordinator: true, MatterType.DebtorWhereabouts);

        Assert.Equal("执行调查组", cut.Find("[data-testid=matter-group-name]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=matter-route]"));
        Assert.Empty(cut.FindAll("[data-testid=action-route-group]"));
        Assert.NotNull(cut.Find("[data-testid=action-assign-group]"));
    }
}

/// <summary>The "my group" queue against the real pipeline: a member claims a task and it leaves the queue.</summary>
public sealed class MyGroupQueueTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        scope = app.Services.CreateAsyncScope();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_grid_worker_claims_a_group_task_from_the_queue_and_it_becomes_theirs()
    {
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();
        var liu = await app.SignInAsAsync("grid.liu");
        UseApplication(scope);
        var claimed = 0;
        var cut = Render<MyGroupQueue>(p => p.Add(x => x.CanClaim, true).Add(x => x.OnClaimed, () => claimed++));
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find($"[data-testid=group-task-{workflow.TaskId}]")), Patience);

        await cut.Find($"[data-testid=group-task-{workflow.TaskId}] [data-testid=group-claim]").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll($"[data-testid=group-task-{workflow.TaskId}]")), Patience);
        Assert.Equal(1, claimed);
        Assert.Equal(liu.Id, (await workflow.MatterAsync()).Tasks.Single().AssigneeId);
    }

    [Fact]
    public async Task A_coordinator_in_no_group_sees_no_queue_and_a_member_without_claim_sees_no_claim_button()
    {
        var groups = await GroupScenario.CreateAsync(app);
        await groups.GroupTaskAsync();
        await using (var db = await app.DbAsync())
        {
            // coord.chen is in the demo's other groups; take them out of all of them.
            var chen = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
            await db.WorkingGroupMembers.Where(m => m.UserId == chen.Id).ExecuteDeleteAsync();
        }

        await app.SignInAsAsync("coord.chen");
        UseApplication(scope);
        var none = Render<MyGroupQueue>();
        await none.WaitForAssertionAsync(() => Assert.Empty(none.FindAll("[data-testid=loading]")), Patience);
        Assert.Empty(none.FindAll("[data-testid=my-group-queue]"));

        await app.SignInAsAsync("grid.liu");
        var member = Render<MyGroupQueue>();
        await member.WaitForAssertionAsync(() => Assert.NotNull(member.Find("[data-testid=my-group-queue]")), Patience);
        Assert.Empty(member.FindAll("[data-testid=group-claim]"));
    }

    [Fact]
    public async Task A_member_opening_an_unclaimed_group_task_is_asked_to_claim_it_and_then_gets_the_finding_form()
    {
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();
        await app.SignInAsAsync("grid.liu");
        UseApplication(scope);
        var page = Render<TaskPage>(p => p.Add(x => x.TaskId, workflow.TaskId));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=task-awaits-claim]")), Patience);
        Assert.Empty(page.FindAll("[data-testid=finding-form]"));

        await page.Find("[data-testid=task-claim]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=finding-form]")), Patience);
        Assert.Empty(page.FindAll("[data-testid=task-awaits-claim]"));
    }
}
