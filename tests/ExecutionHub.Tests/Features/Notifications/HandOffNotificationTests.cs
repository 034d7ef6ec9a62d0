using ExecutionHub.Tests.Features.Administration.Users;
using ExecutionHub.Tests.Features.Groups;
using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Features.Matters.Findings;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Features.Matters.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Notifications;

/// <summary>
/// Every hand-off tells its receiver once, with a link to the page where they act: one test per
/// hand-off, each also retrying the command (refused: the version moved on) to see nothing doubles.
/// </summary>
public sealed class HandOffNotificationTests
{
    [Fact]
    public async Task Should_tell_the_streets_coordinators_of_a_new_referral_once_with_the_matter_as_link()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);

        var (_, target) = await app.BellAsync("coord.chen", "Notification.HandOff.NewReferral");

        Assert.Equal($"/matters/{scenario.MatterId}", target);
        Assert.Empty(await app.HandOffsAsync("coord.zhao"));
        Assert.Empty(await app.HandOffsAsync("judge.wang"));
    }

    [Fact]
    public async Task Should_tell_the_other_coordinators_of_a_registration_once_and_not_the_one_who_registered_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.AddPingliangCoordinatorAsync();
        var groups = await GroupScenario.CreateAsync(app);

        var matterId = await groups.ReliefApplicationAsync(route: null);

        // Received and registered in one step: one notification, not two.
        var (row, target) = await app.BellAsync("coord.qian", "Notification.HandOff.NewRegistration");
        Assert.Single(await app.HandOffsAsync("coord.qian"));
        Assert.Equal($"/matters/{matterId}", target);
        Assert.NotNull(row.Subject);
        Assert.Empty(await app.HandOffsAsync("coord.chen"));
    }

    [Fact]
    public async Task Should_tell_the_grid_worker_of_a_dispatched_task_once_with_the_task_as_link()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        var version = await scenario.VersionAsync();
        await scenario.DispatchToAsync("grid.liu");

        var worker = await app.UserAsync("grid.liu");
        await app.SignInAsAsync("coord.chen");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await app.SendAsync(new DispatchMatter(scenario.MatterId, version,
            [new TaskAssignment { AssigneeId = worker.Id, DueAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddHours(24) }])));

        var (_, target) = await app.BellAsync("grid.liu", "Notification.HandOff.TaskDispatched");
        Assert.Equal($"/tasks/{scenario.TaskId}", target);
        Assert.Single(await app.HandOffsAsync("grid.liu"));
    }

    [Fact]
    public async Task Should_tell_a_partner_agencys_agents_of_a_task_sent_to_the_agency()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        var police = (await app.UserAsync("police.xu")).PartnerAgencyId!.Value;
        await app.SignInAsAsync("coord.chen");
        var options = await app.SendAsync(new GetDispatchOptions(scenario.MatterId));
        await app.SendAsync(new DispatchMatter(scenario.MatterId, options.Version, [new TaskAssignment { PartnerAgencyId = police, DueAtUtc = options.DefaultDueAtUtc }]));

        var (row, target) = await app.BellAsync("police.xu", "Notification.HandOff.TaskDispatched");

        Assert.Equal($"/tasks/{row.TaskId}", target);
        Assert.Empty(await app.HandOffsAsync("hr.he"));
    }

    [Fact]
    public async Task Should_tell_the_grid_workers_of_a_working_group_of_a_task_sent_to_the_group()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);

        var workflow = await groups.GroupTaskAsync();

        foreach (var member in new[] { "grid.liu", groups.SecondMember })
        {
            var (_, target) = await app.BellAsync(member, "Notification.HandOff.TaskDispatched");
            Assert.Equal($"/tasks/{workflow.TaskId}", target);
        }

        // grid.sun held the task before it went to the group, and heard of that dispatch only.
        Assert.Single(await app.HandOffsAsync("grid.sun"));
    }

    [Fact]
    public async Task Should_tell_the_dispatching_coordinator_of_a_submitted_finding_with_the_matter_as_link()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.AddPingliangCoordinatorAsync();
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        var version = await scenario.TaskVersionAsync();

        await scenario.SubmitFindingAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => SubmitAgainAsync(app, scenario.TaskId, version));

        var (row, target) = await app.BellAsync("coord.chen", "Notification.HandOff.FindingSubmitted");
        Assert.Equal(scenario.TaskId, row.TaskId);
        Assert.Equal($"/matters/{scenario.MatterId}", target);
        // The other coordinator heard of the referral, not of a finding on coord.chen's task.
        Assert.DoesNotContain(await app.HandOffsAsync("coord.qian"), n => n.TitleKey == "Notification.HandOff.FindingSubmitted");
    }

    [Fact]
    public async Task Should_tell_the_grid_worker_of_a_returned_finding_once_with_the_task_as_link()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.SubmitFindingAsync();
        var version = await scenario.TaskVersionAsync();
        await app.SignInAsAsync("coord.chen");

        await app.SendAsync(new ReviewFinding(scenario.TaskId, version, Accept: false, Reason: "请补充晚间走访情况。"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await app.SendAsync(new ReviewFinding(scenario.TaskId, version, Accept: false, Reason: "重复提交")));

        var (_, target) = await app.BellAsync("grid.liu", "Notification.HandOff.FindingReturned");
        Assert.Equal($"/tasks/{scenario.TaskId}", target);
    }

    [Fact]
    public async Task Should_tell_the_judge_of_the_feedback_once_with_the_matter_as_link()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.SubmitFindingAsync();
        await scenario.AcceptFindingAsync();
        var version = await scenario.VersionAsync();

        await scenario.FeedBackAsync();
        await app.SignInAsAsync("coord.chen");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await app.SendAsync(new FeedBackMatter(scenario.MatterId, version, "重复反馈", null)));

        var (_, target) = await app.BellAsync("judge.wang", "Notification.HandOff.MatterFedBack");
        Assert.Equal($"/matters/{scenario.MatterId}", target);
        Assert.Single(await app.HandOffsAsync("judge.wang"));
    }

    [Fact]
    public async Task Should_tell_the_coordinators_of_a_matter_the_judge_returned()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.ThroughFeedbackAsync();
        var version = await scenario.VersionAsync();
        await app.SignInAsAsync("judge.wang");

        await app.SendAsync(new ReturnMatter(scenario.MatterId, version, "请补充核实其名下车辆。"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await app.SendAsync(new ReturnMatter(scenario.MatterId, version, "重复")));

        var (_, target) = await app.BellAsync("coord.chen", "Notification.HandOff.MatterReturned");
        Assert.Equal($"/matters/{scenario.MatterId}", target);
    }

    [Fact]
    public async Task Should_tell_the_coordinators_and_the_task_holder_when_the_judge_extends()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        var matter = await scenario.MatterAsync();
        await app.SignInAsAsync("judge.wang");

        await app.SendAsync(new ExtendMatter(scenario.MatterId, matter.Version, matter.DueAtUtc.AddHours(24), "法院补充材料"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await app.SendAsync(new ExtendMatter(scenario.MatterId, matter.Version, matter.DueAtUtc.AddHours(48), "重复")));

        Assert.Equal($"/matters/{scenario.MatterId}", (await app.BellAsync("coord.chen", "Notification.HandOff.MatterExtended")).Target);
        Assert.Equal($"/tasks/{scenario.TaskId}", (await app.BellAsync("grid.liu", "Notification.HandOff.MatterExtended")).Target);
        Assert.DoesNotContain(await app.HandOffsAsync("judge.wang"), n => n.TitleKey == "Notification.HandOff.MatterExtended");
    }

    [Fact]
    public async Task Should_tell_the_judge_and_the_task_holder_when_a_coordinator_pauses_and_again_when_they_resume()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await app.SignInAsAsync("coord.chen");

        var running = await scenario.VersionAsync();
        await app.SendAsync(new PauseMatter(scenario.MatterId, running, "等待法院补充照片"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await app.SendAsync(new PauseMatter(scenario.MatterId, running, "重复")));
        app.Clock.Advance(TimeSpan.FromHours(2));
        var paused = await scenario.VersionAsync();
        await app.SendAsync(new ResumeMatter(scenario.MatterId, paused));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await app.SendAsync(new ResumeMatter(scenario.MatterId, paused)));

        Assert.Equal($"/matters/{scenario.MatterId}", (await app.BellAsync("judge.wang", "Notification.HandOff.MatterPaused")).Target);
        Assert.Equal($"/matters/{scenario.MatterId}", (await app.BellAsync("judge.wang", "Notification.HandOff.MatterResumed")).Target);
        Assert.Equal($"/tasks/{scenario.TaskId}", (await app.BellAsync("grid.liu", "Notification.HandOff.MatterPaused")).Target);
        Assert.Equal($"/tasks/{scenario.TaskId}", (await app.BellAsync("grid.liu", "Notification.HandOff.MatterResumed")).Target);
        Assert.DoesNotContain(await app.HandOffsAsync("coord.chen"), n => n.TitleKey is "Notification.HandOff.MatterPaused" or "Notification.HandOff.MatterResumed");
    }

    private static async Task SubmitAgainAsync(TestApp app, int taskId, int version)
    {
        await app.SignInAsAsync("grid.liu");
        await app.SendAsync(new SubmitFinding
        {
            TaskId = taskId,
            Version = version,
            MatterType = MatterType.DebtorWhereabouts,
            Finding = new Finding { VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), PersonFound = false, Notes = "重复提交" },
        });
    }
}
