using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters.Lifecycle;

/// <summary>The clock and the state a matter is in: pausing, extending, cancelling, and the moves its state does not allow.</summary>
public sealed class PauseExtendCancelTests
{
    [Fact]
    public async Task A_ten_hour_pause_moves_the_due_time_by_ten_hours_and_is_recorded()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();

        await app.SendAsync(new PauseMatter(scenario.MatterId, await scenario.VersionAsync(), "等待法院补充被执行人照片"));
        app.Clock.Advance(TimeSpan.FromHours(10));
        await app.SendAsync(new ResumeMatter(scenario.MatterId, await scenario.VersionAsync()));

        var matter = await scenario.MatterAsync();
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(82), matter.DueAtUtc);
        Assert.Equal(36_000, matter.PausedSeconds);
        Assert.Equal(3, matter.DeadlineVersion);
        Assert.Equal(["Timeline.MatterReceived", "Timeline.MatterRegistered", "Timeline.MatterPaused", "Timeline.MatterResumed"], await scenario.TimelineAsync());
    }

    [Fact]
    public async Task Should_refuse_a_finding_on_a_paused_matter_and_say_it_is_paused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await app.SendAsync(new PauseMatter(scenario.MatterId, await scenario.VersionAsync(), "等待法院补充材料"));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => scenario.SubmitFindingAsync());

        Assert.Equal("Rule.Task.MatterPaused", refused.MessageKey);
        Assert.Equal(VerificationTaskStatus.Assigned, (await scenario.MatterAsync()).Tasks.Single().Status);
    }

    [Fact]
    public async Task A_judge_extension_moves_the_due_time_and_is_recorded_with_its_reason()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var newDue = TestApp.Start.UtcDateTime.AddHours(120);

        await scenario.AsAsync("judge.wang");
        await app.SendAsync(new ExtendMatter(scenario.MatterId, await scenario.VersionAsync(), newDue, "被执行人外出务工，需延长核查"));

        Assert.Equal(newDue, (await scenario.MatterAsync()).DueAtUtc);
        await using var db = await app.DbAsync();
        var entry = await db.Timeline.SingleAsync(t => t.MatterId == scenario.MatterId && t.Event == "Timeline.MatterExtended");
        Assert.Contains("被执行人外出务工", entry.Detail);
    }

    [Fact]
    public async Task A_coordinator_cannot_grant_an_extension()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AsAsync("coord.chen");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ExtendMatter(scenario.MatterId, 0, TestApp.Start.UtcDateTime.AddDays(9), "理由")));
    }

    public static TheoryData<string> IllegalMoves => ["close", "feedback", "return", "acknowledge", "resume", "accept-twice"];

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public async Task An_illegal_transition_is_refused_and_nothing_is_saved(string move)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        var version = await scenario.VersionAsync();
        var timeline = await scenario.TimelineAsync();

        Func<Task> act = move switch
        {
            "close" => async () => { await scenario.AsAsync("judge.wang"); await app.SendAsync(new CloseMatter(scenario.MatterId, version)); },
            "feedback" => () => app.SendAsync(new FeedBackMatter(scenario.MatterId, version, "反馈", MatterOutcome.Found)),
            "return" => async () => { await scenario.AsAsync("judge.wang"); await app.SendAsync(new ReturnMatter(scenario.MatterId, version, "原因")); },
            "acknowledge" => async () => { await scenario.AsAsync("judge.wang"); await app.SendAsync(new AcknowledgeFeedback(scenario.MatterId, version)); },
            "resume" => () => app.SendAsync(new ResumeMatter(scenario.MatterId, version)),
            _ => () => app.SendAsync(new AcceptReferral(scenario.MatterId, version)),
        };

        await Assert.ThrowsAsync<DomainRuleException>(act);

        Assert.Equal(version, await scenario.VersionAsync());
        Assert.Equal(MatterStatus.Registered, (await scenario.MatterAsync()).Status);
        Assert.Equal(timeline, await scenario.TimelineAsync());
    }

    [Fact]
    public async Task A_change_from_a_stale_copy_is_refused_instead_of_overwriting()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        var seen = await scenario.VersionAsync();
        await app.SendAsync(new PauseMatter(scenario.MatterId, seen, "第一位协调员暂停"));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.SendAsync(new CancelMatter(scenario.MatterId, seen, "第二位协调员撤销")));

        var matter = await scenario.MatterAsync();
        Assert.Equal(MatterStatus.Registered, matter.Status);
        Assert.Equal("第一位协调员暂停", matter.PauseReason);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_waives_the_open_tasks()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.AsAsync("coord.chen");

        var version = await scenario.VersionAsync();
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(new CancelMatter(scenario.MatterId, version, " ")));
        await app.SendAsync(new CancelMatter(scenario.MatterId, await scenario.VersionAsync(), "申请人已撤回申请"));

        var matter = await scenario.MatterAsync();
        Assert.Equal(MatterStatus.Cancelled, matter.Status);
        Assert.All(matter.Tasks, t => Assert.Equal(VerificationTaskStatus.Waived, t.Status));
    }
}
