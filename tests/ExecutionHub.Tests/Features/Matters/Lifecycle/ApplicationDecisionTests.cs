using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters.Lifecycle;

public sealed class ApplicationDecisionTests
{
    private static readonly MatterDetails Relief = new() { ApplicantHardship = "申请人因病丧失劳动能力，家庭无其他收入。", AmountRequested = 20_000m };

    private static Task<WorkflowScenario> ReliefApplicationAsync(TestApp app) =>
        WorkflowScenario.ReferAsync(app, MatterType.JudicialRelief, Relief);

    [Fact]
    public async Task A_judge_of_the_court_grants_relief_with_a_reason_and_the_decision_is_on_the_matter_and_its_timeline()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReliefApplicationAsync(app);
        var judge = await scenario.AsAsync("judge.wang");

        await app.SendAsync(new DecideApplication
        {
            MatterId = scenario.MatterId,
            Version = await scenario.VersionAsync(),
            Verdict = ApplicationVerdict.Granted,
            Reason = "经听证，申请人确属生活困难",
            AmountGranted = 15_000m,
            GroupRecommendation = "听证救助组建议救助一万五千元",
        });

        var decision = (await scenario.MatterAsync()).Decision;
        Assert.NotNull(decision);
        Assert.Equal(ApplicationVerdict.Granted, decision.Verdict);
        Assert.Equal("经听证，申请人确属生活困难", decision.Reason);
        Assert.Equal(15_000m, decision.AmountGranted);
        Assert.Equal("听证救助组建议救助一万五千元", decision.GroupRecommendation);
        Assert.Equal(judge.Id, decision.DecidedById);
        Assert.Equal(TestApp.Start.UtcDateTime, decision.DecidedAtUtc);
        Assert.Equal(["Timeline.MatterReceived", "Timeline.ApplicationGranted"], await scenario.TimelineAsync());
        await using var db = await app.DbAsync();
        var entry = await db.Timeline.SingleAsync(t => t.MatterId == scenario.MatterId && t.Event == "Timeline.ApplicationGranted");
        Assert.Contains("确属生活困难", entry.Detail);
        Assert.Contains("15,000.00", entry.Detail);
    }

    [Fact]
    public async Task A_judge_refuses_to_resume_execution_while_the_workstation_still_verifies_and_the_refusal_is_recorded()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app, MatterType.ResumeExecution, new MatterDetails { NewAssetClue = "申请人称被执行人新购车辆" });
        await scenario.AcceptAsync();
        await scenario.AsAsync("judge.wang");

        await app.SendAsync(new DecideApplication
        {
            MatterId = scenario.MatterId,
            Version = await scenario.VersionAsync(),
            Verdict = ApplicationVerdict.Refused,
            Reason = "核查未发现新的可供执行财产",
        });

        var matter = await scenario.MatterAsync();
        Assert.Equal(ApplicationVerdict.Refused, matter.Decision!.Verdict);
        Assert.Null(matter.Decision.AmountGranted);
        Assert.Equal(MatterStatus.Registered, matter.Status);
        Assert.Equal("Timeline.ApplicationRefused", (await scenario.TimelineAsync())[^1]);
    }

    [Fact]
    public async Task A_coordinator_cannot_decide_an_application()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReliefApplicationAsync(app);
        await scenario.AsAsync("coord.chen");
        var version = await scenario.VersionAsync();

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new DecideApplication
        {
            MatterId = scenario.MatterId,
            Version = version,
            Verdict = ApplicationVerdict.Granted,
            Reason = "理由",
            AmountGranted = 1_000m,
        }));

        Assert.Null((await scenario.MatterAsync()).Decision);
    }

    [Fact]
    public async Task A_judge_of_another_court_cannot_decide_an_application()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReliefApplicationAsync(app);
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Judge);
        var version = await scenario.VersionAsync();

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new DecideApplication
        {
            MatterId = scenario.MatterId,
            Version = version,
            Verdict = ApplicationVerdict.Refused,
            Reason = "理由",
        }));

        Assert.Null((await scenario.MatterAsync()).Decision);
    }

    [Fact]
    public async Task A_whereabouts_matter_cannot_be_decided()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var version = await scenario.VersionAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new DecideApplication
        {
            MatterId = scenario.MatterId,
            Version = version,
            Verdict = ApplicationVerdict.Refused,
            Reason = "理由",
        }));

        Assert.Equal("Rule.Matter.NotAnApplication", refused.MessageKey);
        Assert.Null((await scenario.MatterAsync()).Decision);
    }

    [Fact]
    public async Task An_application_is_decided_once_and_a_second_decision_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReliefApplicationAsync(app);
        await scenario.AsAsync("judge.wang");
        await app.SendAsync(new DecideApplication { MatterId = scenario.MatterId, Version = await scenario.VersionAsync(), Verdict = ApplicationVerdict.Refused, Reason = "不符合救助条件" });
        var version = await scenario.VersionAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new DecideApplication
        {
            MatterId = scenario.MatterId,
            Version = version,
            Verdict = ApplicationVerdict.Granted,
            Reason = "改为准予",
            AmountGranted = 5_000m,
        }));

        Assert.Equal("Rule.Matter.AlreadyDecided", refused.MessageKey);
        var matter = await scenario.MatterAsync();
        Assert.Equal(ApplicationVerdict.Refused, matter.Decision!.Verdict);
        Assert.Equal(version, matter.Version);
    }

    [Fact]
    public async Task Relief_above_the_amount_requested_is_refused_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await ReliefApplicationAsync(app);
        await scenario.AsAsync("judge.wang");
        var version = await scenario.VersionAsync();
        var timeline = await scenario.TimelineAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new DecideApplication
        {
            MatterId = scenario.MatterId,
            Version = version,
            Verdict = ApplicationVerdict.Granted,
            Reason = "困难属实",
            AmountGranted = 20_000.01m,
        }));

        Assert.Equal("Rule.Matter.AmountGrantedAboveRequested", refused.MessageKey);
        var matter = await scenario.MatterAsync();
        Assert.Null(matter.Decision);
        Assert.Equal(version, matter.Version);
        Assert.Equal(timeline, await scenario.TimelineAsync());
    }
}
