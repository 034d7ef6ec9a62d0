using ExecutionHub.Tests.Features.Window;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Groups;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Features.Window;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Groups;

/// <summary>Relief and resume-execution applications go to the hearing-and-relief group (which recommends) or to the judge, who decides.</summary>
public sealed class ApplicationRoutingTests
{
    private static RecordGroupRecommendation Recommend(int matterId, int version, string text = "经听证，申请人确属生活困难，建议救助一万元。") => new()
    {
        MatterId = matterId,
        Version = version,
        Verdict = ApplicationVerdict.Granted,
        Text = text,
    };

    [Fact]
    public async Task A_relief_application_registered_to_the_hearing_group_is_held_by_that_group_with_the_route_on_the_timeline()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);

        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);

        var matter = await groups.MatterAsync(matterId);
        Assert.Equal((ApplicationRoute.HearingGroup, (int?)groups.HearingGroup, MatterStatus.Registered), (matter.Route, matter.WorkingGroupId, matter.Status));
        Assert.Equal(["Timeline.MatterReceived", "Timeline.MatterRegistered", "Timeline.ApplicationRoutedToGroup"], await groups.TimelineAsync(matterId));
        var view = await app.SendAsync(new GetMatter(matterId));
        Assert.True(view.Group!.AwaitsRecommendation);
        Assert.False(view.Group.SenderIsMember);
    }

    [Fact]
    public async Task An_application_turned_from_a_window_visit_in_one_step_is_routed_to_the_judge()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await GroupScenario.CreateAsync(app);
        var window = await WindowScenario.CreateAsync(app);
        var visit = window.ClueSubmission();
        visit.Purpose = VisitPurpose.ResumeExecution;
        visit.Notes = "申请人称被执行人新购车辆，申请恢复执行。";
        var visitId = await window.LogAsChenAsync(visit);
        var registration = (await app.SendAsync(new DraftMatterFromVisit(visitId))).Registration!;
        registration.TargetPartyId = window.PingliangCase.Parties.First(p => p.Role == PartyRole.Respondent).Id;
        registration.Details.NewAssetClue = "被执行人新购白色大众朗逸，车牌沪B12345。";
        registration.Route = ApplicationRoute.Judge;

        var matterId = await app.SendAsync(new TurnVisitIntoMatter(visitId, registration));

        await using var db = await app.DbAsync();
        var matter = await db.Matters.AsNoTracking().SingleAsync(m => m.Id == matterId);
        Assert.Equal((MatterType.ResumeExecution, ApplicationRoute.Judge, (int?)null), (matter.Type, matter.Route, matter.WorkingGroupId));
        var routed = await db.Timeline.SingleAsync(t => t.MatterId == matterId && t.Event == "Timeline.ApplicationRoutedToJudge");
        Assert.Equal(await db.Users.Where(u => u.Id == matter.JudgeId).Select(u => u.DisplayName).SingleAsync(), routed.Detail);
    }

    [Fact]
    public async Task A_route_on_a_matter_that_is_not_an_application_is_refused_at_registration()
    {
        var validator = new RegisterMatterValidator();

        var result = await validator.ValidateAsync(new RegisterMatter
        {
            Source = MatterSource.PartyApplication,
            Type = MatterType.HouseholdSurvey,
            CaseNumber = "(2026)沪0110执1234号",
            TargetName = "张三",
            Request = "调查",
            Route = ApplicationRoute.HearingGroup,
        });

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(RegisterMatter.Route));
    }

    [Fact]
    public async Task A_member_records_the_recommendation_and_the_judge_decides_on_it_word_for_word()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        var liu = await app.SignInAsAsync("grid.liu");

        await app.SendAsync(Recommend(matterId, (await groups.MatterAsync(matterId)).Version));

        var recommended = (await groups.MatterAsync(matterId)).Recommendation!;
        Assert.Equal((ApplicationVerdict.Granted, liu.Id, groups.HearingGroup, TestApp.Start.UtcDateTime),
            (recommended.Verdict, recommended.RecordedById, recommended.WorkingGroupId, recommended.RecordedAtUtc));
        await using (var bellDb = await app.DbAsync())
        {
            var judgeId = await bellDb.Matters.Where(m => m.Id == matterId).Select(m => m.JudgeId).SingleAsync();
            var told = await bellDb.Notifications.Where(n => n.TitleKey == "Notification.GroupRecommended" && n.MatterId == matterId).Select(n => n.RecipientId).ToListAsync();
            Assert.Equal([judgeId], told);
        }

        await app.SignInAsAsync("judge.wang");
        await app.SendAsync(new DecideApplication
        {
            MatterId = matterId,
            Version = (await groups.MatterAsync(matterId)).Version,
            Verdict = ApplicationVerdict.Granted,
            Reason = "采纳工作组建议",
            AmountGranted = 10_000m,
            GroupRecommendation = "法官另写的文字不取代工作组的建议",
        });

        var matter = await groups.MatterAsync(matterId);
        Assert.Equal("经听证，申请人确属生活困难，建议救助一万元。", matter.Decision!.GroupRecommendation);
        Assert.Equal(
            ["Timeline.MatterReceived", "Timeline.MatterRegistered", "Timeline.ApplicationRoutedToGroup", "Timeline.GroupRecommended", "Timeline.ApplicationGranted"],
            await groups.TimelineAsync(matterId));
        await using var db = await app.DbAsync();
        var entry = await db.Timeline.SingleAsync(t => t.MatterId == matterId && t.Event == "Timeline.GroupRecommended");
        Assert.Equal(("刘建国", "建议准予 · 经听证，申请人确属生活困难，建议救助一万元。"), (entry.ActorName, entry.Detail));
    }

    [Fact]
    public async Task The_judge_cannot_decide_while_the_hearing_group_has_not_recommended()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        await app.SignInAsAsync("judge.wang");
        var version = (await groups.MatterAsync(matterId)).Version;

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new DecideApplication
        {
            MatterId = matterId,
            Version = version,
            Verdict = ApplicationVerdict.Refused,
            Reason = "理由",
        }));

        Assert.Equal("Rule.Matter.AwaitingRecommendation", refused.MessageKey);
        Assert.Null((await groups.MatterAsync(matterId)).Decision);
    }

    [Fact]
    public async Task A_coordinator_of_the_street_who_is_not_a_member_cannot_recommend()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        await app.SignInAsAsync("coord.chen");
        var version = (await groups.MatterAsync(matterId)).Version;

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(Recommend(matterId, version)));

        Assert.Equal("Rule.Group.NotMember", refused.MessageKey);
        Assert.Null((await groups.MatterAsync(matterId)).Recommendation);
    }

    [Theory]
    [InlineData("grid.sun")]
    [InlineData("street.huang")]
    [InlineData("judge.wang")]
    [InlineData("coord.zhao")]
    public async Task Nobody_outside_the_group_reaches_the_recommendation(string outsider)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        await app.SignInAsAsync(outsider);
        var version = (await groups.MatterAsync(matterId)).Version;

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(Recommend(matterId, version)));

        Assert.Null((await groups.MatterAsync(matterId)).Recommendation);
    }

    [Fact]
    public async Task The_group_recommends_only_once()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        await app.SignInAsAsync("grid.liu");
        await app.SendAsync(Recommend(matterId, (await groups.MatterAsync(matterId)).Version));
        var version = (await groups.MatterAsync(matterId)).Version;

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(Recommend(matterId, version, "另一个建议")));

        Assert.Equal("Rule.Matter.AlreadyRecommended", refused.MessageKey);
        Assert.Equal("经听证，申请人确属生活困难，建议救助一万元。", (await groups.MatterAsync(matterId)).Recommendation!.Text);
        Assert.Single(await groups.TimelineAsync(matterId), e => e == "Timeline.GroupRecommended");
    }

    [Fact]
    public async Task No_recommendation_is_taken_on_an_application_routed_to_the_judge()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.Judge);
        await app.SignInAsAsync("coord.chen");
        var version = (await groups.MatterAsync(matterId)).Version;

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(Recommend(matterId, version)));

        Assert.Equal("Rule.Matter.NotRoutedToGroup", refused.MessageKey);
        Assert.Null((await groups.MatterAsync(matterId)).Recommendation);
    }

    [Fact]
    public async Task A_coordinator_reroutes_an_application_to_the_judge_before_the_recommendation_and_the_group_lets_it_go()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        await app.SignInAsAsync("coord.chen");

        await app.SendAsync(new RouteApplication(matterId, (await groups.MatterAsync(matterId)).Version, ApplicationRoute.Judge));

        var matter = await groups.MatterAsync(matterId);
        Assert.Equal((ApplicationRoute.Judge, (int?)null), (matter.Route, matter.WorkingGroupId));
        Assert.Equal("Timeline.ApplicationRoutedToJudge", (await groups.TimelineAsync(matterId))[^1]);
        await app.SignInAsAsync("judge.wang");
        await app.SendAsync(new DecideApplication { MatterId = matterId, Version = matter.Version, Verdict = ApplicationVerdict.Refused, Reason = "不符合救助条件" });
        Assert.Null((await groups.MatterAsync(matterId)).Decision!.GroupRecommendation);
    }

    [Fact]
    public async Task Once_the_group_has_recommended_the_application_cannot_be_rerouted()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        await app.SignInAsAsync("grid.liu");
        await app.SendAsync(Recommend(matterId, (await groups.MatterAsync(matterId)).Version));
        await app.SignInAsAsync("coord.chen");
        var version = (await groups.MatterAsync(matterId)).Version;

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new RouteApplication(matterId, version, ApplicationRoute.Judge)));

        Assert.Equal("Rule.Matter.AlreadyRecommended", refused.MessageKey);
        Assert.Equal(ApplicationRoute.HearingGroup, (await groups.MatterAsync(matterId)).Route);
    }

    [Fact]
    public async Task A_matter_that_is_not_an_application_cannot_be_routed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await GroupScenario.CreateAsync(app);
        var workflow = await Matters.WorkflowScenario.ReferAsync(app);
        await workflow.AcceptAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await app.SendAsync(new RouteApplication(workflow.MatterId, await workflow.VersionAsync(), ApplicationRoute.HearingGroup)));

        Assert.Equal("Rule.Matter.NotAnApplication", refused.MessageKey);
    }

    [Theory]
    [InlineData("judge.wang")]
    [InlineData("grid.liu")]
    [InlineData("coord.zhao")]
    public async Task Only_the_streets_coordinator_routes_an_application(string outsider)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(route: null);
        await app.SignInAsAsync(outsider);
        var version = (await groups.MatterAsync(matterId)).Version;

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RouteApplication(matterId, version, ApplicationRoute.HearingGroup)));

        Assert.Null((await groups.MatterAsync(matterId)).Route);
    }

    [Fact]
    public async Task A_hearing_group_member_sees_the_application_awaiting_them_with_what_it_asks()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var groups = await GroupScenario.CreateAsync(app);
        var matterId = await groups.ReliefApplicationAsync(ApplicationRoute.HearingGroup);
        await app.SignInAsAsync("grid.liu");

        var queue = await app.SendAsync(new ListMyGroupWork());

        var item = queue.Single(g => g.Kind == WorkingGroupKind.HearingAndRelief).Matters.Single(m => m.MatterId == matterId);
        Assert.True(item.AwaitsRecommendation);
        Assert.Equal((20_000m, "申请人因病生活困难，申请司法救助。"), (item.Details.AmountRequested, item.Request));
    }
}
