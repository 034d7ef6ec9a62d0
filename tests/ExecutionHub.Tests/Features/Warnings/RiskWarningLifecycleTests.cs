using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Features.Warnings;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Warnings;

/// <summary>Re-runs, state moves and who may see, move and run warnings.</summary>
public sealed class RiskWarningLifecycleTests
{
    private static async Task<(WarningScenario Scenario, RiskWarning Warning)> OneMassDisputeAsync(TestApp app)
    {
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.MassDispute);
        for (var i = 0; i < 5; i++)
        {
            await s.AddCaseAsync(applicants: [WarningScenario.Applicant(i)]);
        }

        await s.RunAsync();
        return (s, Assert.Single(await s.WarningsAsync()));
    }

    [Fact]
    public async Task A_re_run_refreshes_the_same_warning_instead_of_adding_one_and_notifies_the_coordinator_once()
    {
        await using var app = await TestApp.CreateAsync();
        var (s, first) = await OneMassDisputeAsync(app);

        var again = await s.RunAsync();
        await s.AddCaseAsync(applicants: [WarningScenario.Applicant(9)], owed: 50_000m);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var third = await s.RunAsync();

        Assert.Equal(new RiskWarningEvaluator.Result(0, 1), again);
        Assert.Equal(new RiskWarningEvaluator.Result(0, 1), third);
        var warning = Assert.Single(await s.WarningsAsync());
        Assert.Equal(first.Id, warning.Id);
        Assert.Equal((6, 6, 550_000m), (warning.ApplicantCount, warning.CaseCount, warning.AmountOwed));
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(1), warning.EvidenceAtUtc);
        Assert.Equal(WarningState.New, warning.State);

        await using var db = await app.DbAsync();
        var notifications = await db.Notifications.Where(n => n.TitleKey == "Notification.RiskWarning").ToListAsync();
        var notification = Assert.Single(notifications);
        Assert.Equal((s.Coordinator.Id, $"/warnings/{warning.Id}", "测试街道"), (notification.RecipientId, notification.Link, notification.Subject));
    }

    [Fact]
    public async Task A_closed_warning_is_not_reopened_by_the_same_quarters_re_run_but_the_next_quarter_raises_a_new_one()
    {
        await using var app = await TestApp.CreateAsync();
        var (s, warning) = await OneMassDisputeAsync(app);
        s.ActAsStreetOfficer();
        await app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.Closed, warning.Version, "已核实"));

        await s.AddCaseAsync(applicants: [WarningScenario.Applicant(9)]);
        var sameQuarter = await s.RunAsync();

        Assert.Equal(new RiskWarningEvaluator.Result(0, 0), sameQuarter);
        var closed = Assert.Single(await s.WarningsAsync());
        Assert.Equal((WarningState.Closed, 5), (closed.State, closed.ApplicantCount));

        app.Clock.Advance(TimeSpan.FromDays(40));   // 6 January 2027: the first quarter
        var nextQuarter = await s.RunAsync();

        Assert.Equal(new RiskWarningEvaluator.Result(1, 0), nextQuarter);
        var fresh = (await s.WarningsAsync()).Last();
        Assert.Equal((WarningState.New, 6, new DateOnly(2027, 1, 1)), (fresh.State, fresh.ApplicantCount, fresh.PeriodStart));
    }

    [Fact]
    public async Task The_street_officer_acknowledges_and_the_coordinator_takes_in_hand_and_closes_each_move_recorded_with_who_when_and_note()
    {
        await using var app = await TestApp.CreateAsync();
        var (s, warning) = await OneMassDisputeAsync(app);

        s.ActAsStreetOfficer();
        var version = await app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.Acknowledged, warning.Version, "  已阅  "));
        app.Clock.Advance(TimeSpan.FromHours(2));
        s.ActAsCoordinator();
        version = await app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.InHand, version));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.Closed, version, "联席会议已协调"));

        var moved = Assert.Single(await s.WarningsAsync());
        Assert.Equal(WarningState.Closed, moved.State);
        var history = moved.History.OrderBy(e => e.AtUtc).ToList();
        Assert.Equal(
            [
                (WarningState.New, WarningState.Acknowledged, "街道用户", TestApp.Start.UtcDateTime, "已阅"),
                (WarningState.Acknowledged, WarningState.InHand, "协调员甲", TestApp.Start.UtcDateTime.AddHours(2), ""),
                (WarningState.InHand, WarningState.Closed, "协调员甲", TestApp.Start.UtcDateTime.AddHours(4), "联席会议已协调"),
            ],
            history.Select(e => ((WarningState?)e.From ?? default, e.To, e.ActorName, e.AtUtc, e.Note)).ToList());
    }

    [Fact]
    public async Task A_move_backwards_from_closed_or_skipping_acknowledgement_is_refused_and_changes_nothing()
    {
        await using var app = await TestApp.CreateAsync();
        var (s, warning) = await OneMassDisputeAsync(app);
        s.ActAsStreetOfficer();

        var skip = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.InHand, warning.Version)));
        Assert.Equal("Warning.IllegalMove", skip.MessageKey);
        var version = await app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.Closed, warning.Version));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.New, version)));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.Acknowledged, version)));

        var after = Assert.Single(await s.WarningsAsync());
        Assert.Equal(WarningState.Closed, after.State);
        Assert.Single(after.History);
    }

    [Fact]
    public async Task A_move_from_a_stale_copy_is_refused()
    {
        await using var app = await TestApp.CreateAsync();
        var (s, warning) = await OneMassDisputeAsync(app);
        s.ActAsStreetOfficer();
        await app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.Acknowledged, warning.Version));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.SendAsync(new MoveRiskWarning(warning.Id, WarningState.Closed, warning.Version)));
        Assert.Equal(WarningState.Acknowledged, Assert.Single(await s.WarningsAsync()).State);
    }

    [Fact]
    public async Task A_judge_an_administrator_and_the_other_streets_officer_and_coordinator_cannot_move_a_warning()
    {
        await using var app = await TestApp.CreateAsync();
        var (s, warning) = await OneMassDisputeAsync(app);
        var move = new MoveRiskWarning(warning.Id, WarningState.Acknowledged, warning.Version);

        s.Data.ActAs(s.Data.Judge, Roles.Judge);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(move));
        app.User.Current = s.AdministratorContext;
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(move));
        s.ActAsStreetOfficer(s.OtherStreet);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(move));
        s.ActAsCoordinator(s.OtherCoordinator);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(move));

        Assert.Equal(WarningState.New, Assert.Single(await s.WarningsAsync()).State);
    }

    [Fact]
    public async Task Each_street_sees_its_own_warnings_a_judge_sees_the_courts_and_asking_for_another_street_is_refused()
    {
        await using var app = await TestApp.CreateAsync();
        var (s, warning) = await OneMassDisputeAsync(app);

        s.ActAsStreetOfficer();
        Assert.Equal([warning.Id], (await app.SendAsync(new ListRiskWarnings())).Select(w => w.Id));
        Assert.Equal(1, await app.SendAsync(new CountOpenRiskWarnings()));
        s.ActAsStreetOfficer(s.OtherStreet);
        Assert.Empty(await app.SendAsync(new ListRiskWarnings()));
        Assert.Equal(0, await app.SendAsync(new CountOpenRiskWarnings()));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListRiskWarnings(StreetId: s.Data.Street.Id)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetRiskWarning(warning.Id)));
        s.Data.ActAs(s.Data.Judge, Roles.Judge);
        Assert.Equal([warning.Id], (await app.SendAsync(new ListRiskWarnings(StreetId: s.Data.Street.Id))).Select(w => w.Id));
        Assert.Single(await app.SendAsync(new ListRiskWarnings(From: new DateOnly(2026, 11, 1), To: new DateOnly(2026, 11, 30))));
        Assert.Empty(await app.SendAsync(new ListRiskWarnings(From: new DateOnly(2026, 7, 1), To: new DateOnly(2026, 9, 30))));
        Assert.Empty(await app.SendAsync(new ListRiskWarnings(State: WarningState.Closed)));
    }

    [Fact]
    public async Task A_coordinator_runs_the_rules_now_for_their_own_street_only_and_a_street_officer_cannot()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        await s.OnlyAsync(RiskRuleKind.TaggedCases);
        await s.AddCaseAsync(tags: CaseTags.UrbanRenewal);
        await s.AddCaseAsync(tags: CaseTags.UrbanRenewal, street: s.OtherStreet);

        s.ActAsStreetOfficer();
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RunRiskWarnings()));
        s.ActAsCoordinator();
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RunRiskWarnings(s.OtherStreet.Id)));
        var result = await app.SendAsync(new RunRiskWarnings());

        Assert.Equal(new RiskWarningEvaluator.Result(1, 0), result);
        Assert.Equal(s.Data.Street.Id, Assert.Single(await s.WarningsAsync()).StreetId);
    }

    [Fact]
    public async Task A_coordinator_tags_a_case_on_its_timeline_and_a_street_officer_cannot()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        var @case = await s.AddCaseAsync();

        s.ActAsStreetOfficer();
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new SetCaseTags(@case.Id, CaseTags.UrbanRenewal)));
        s.ActAsCoordinator(s.OtherCoordinator);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new SetCaseTags(@case.Id, CaseTags.UrbanRenewal)));
        s.ActAsCoordinator();
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(new SetCaseTags(@case.Id, (CaseTags)8)));
        await app.SendAsync(new SetCaseTags(@case.Id, CaseTags.UrbanRenewal | CaseTags.GroupRelated));
        await app.SendAsync(new SetCaseTags(@case.Id, CaseTags.GroupRelated));

        await using var db = await app.DbAsync();
        Assert.Equal(CaseTags.GroupRelated, (await db.Cases.SingleAsync(c => c.Id == @case.Id)).Tags);
        var timeline = await db.Timeline.Where(t => t.CaseId == @case.Id).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(
            [("Timeline.CaseTagsChanged", "协调员甲", "新增：城市更新、群体性"), ("Timeline.CaseTagsChanged", "协调员甲", "移除：城市更新")],
            timeline.Select(t => (t.Event, t.ActorName, t.Detail)).ToList());
    }
}
