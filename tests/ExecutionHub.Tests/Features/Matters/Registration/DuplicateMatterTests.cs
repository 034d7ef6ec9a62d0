using ExecutionHub.Tests.Features.Window;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Features.Window;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters.Registration;

/// <summary>No work done twice: a second open matter of the same type for the same respondent on a case needs the sender to say so, with a reason.</summary>
public sealed class DuplicateMatterTests
{
    /// <summary>The same referral the scenario sent: same case, respondent and type.</summary>
    private static async Task<RegisterMatter> SameReferralAsync(WorkflowScenario scenario)
    {
        await using var db = await scenario.App.DbAsync();
        var first = await db.Matters.AsNoTracking().Include(m => m.Case).SingleAsync(m => m.Id == scenario.MatterId);
        return new RegisterMatter
        {
            Source = MatterSource.CourtExOfficio,
            Type = first.Type,
            CaseNumber = first.Case!.CaseNumber,
            TargetPartyId = first.TargetPartyId,
            Request = "请再次核实被执行人现住址。",
            Details = new MatterDetails { LastKnownAddresses = "上海市杨浦区平凉路100弄1号" },
        };
    }

    private static async Task<int> MattersOnCaseAsync(TestApp app, string caseNumber)
    {
        await using var db = await app.DbAsync();
        return await db.Matters.CountAsync(m => m.Case!.CaseNumber == caseNumber);
    }

    [Fact]
    public async Task Should_refuse_a_second_open_matter_of_the_same_type_for_the_same_respondent_and_name_the_first()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var again = await SameReferralAsync(scenario);
        var before = await MattersOnCaseAsync(app, again.CaseNumber);

        var refused = await Assert.ThrowsAsync<DuplicateMatterException>(async () => await app.SendAsync(again));

        var first = await scenario.MatterAsync();
        Assert.Equal((first.Id, first.Reference, MatterStatus.Received), (refused.Existing.Id, refused.Existing.Reference, refused.Existing.Status));
        Assert.Equal("Rule.Matter.OpenDuplicate", refused.MessageKey);
        Assert.Equal(before, await MattersOnCaseAsync(app, again.CaseNumber));
    }

    [Fact]
    public async Task Should_register_the_second_when_the_sender_goes_on_with_a_reason_written_on_its_timeline_with_the_first_reference()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var again = await SameReferralAsync(scenario);
        again.AllowDuplicate = true;
        again.DuplicateReason = "  被执行人已搬离，需按新线索另行核查  ";

        var second = await app.SendAsync(again);

        var first = await scenario.MatterAsync();
        Assert.NotEqual(first.Id, second);
        await using var db = await app.DbAsync();
        var timeline = await db.Timeline.Where(t => t.MatterId == second).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(["Timeline.MatterReceived", "Timeline.DuplicateConfirmed"], timeline.Select(t => t.Event));
        Assert.Equal($"已有同类在办事项 {first.Reference}，继续登记的原因：被执行人已搬离，需按新线索另行核查", timeline[1].Detail);
    }

    [Fact]
    public async Task Should_ask_for_the_reason_by_its_label_when_the_sender_goes_on_without_one()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var again = await SameReferralAsync(scenario);
        again.AllowDuplicate = true;
        again.DuplicateReason = " ";

        var refused = await Assert.ThrowsAsync<ValidationException>(async () => await app.SendAsync(again));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(RegisterMatter.DuplicateReason) && e.ErrorMessage.Contains("继续登记的原因", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_not_count_another_type_or_a_cancelled_matter_as_a_duplicate()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var otherType = await SameReferralAsync(scenario);
        otherType.Type = MatterType.HouseholdSurvey;
        otherType.Details = new MatterDetails(); // a household survey asks for none of the whereabouts' details

        var household = await app.SendAsync(otherType);

        Assert.NotEqual(scenario.MatterId, household);
        await scenario.AsAsync("coord.chen");
        await app.SendAsync(new CancelMatter(scenario.MatterId, await scenario.VersionAsync(), "法院撤回"));
        await scenario.AsAsync("judge.wang");
        var again = await app.SendAsync(await SameReferralAsync(scenario));
        Assert.NotEqual(scenario.MatterId, again);
    }

    [Fact]
    public async Task Should_catch_a_target_typed_in_again_with_the_name_of_a_respondent_already_on_the_case()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var again = await SameReferralAsync(scenario);
        await using (var db = await app.DbAsync())
        {
            var respondent = await db.CaseParties.AsNoTracking().SingleAsync(p => p.Id == again.TargetPartyId);
            (again.TargetPartyId, again.TargetKind, again.TargetName) = (null, respondent.Kind, respondent.Name);
        }

        var refused = await Assert.ThrowsAsync<DuplicateMatterException>(async () => await app.SendAsync(again));

        Assert.Equal(scenario.MatterId, refused.Existing.Id);
    }

    [Fact]
    public async Task Should_register_once_when_identical_referrals_arrive_together()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AsAsync("coord.chen");
        await app.SendAsync(new CancelMatter(scenario.MatterId, await scenario.VersionAsync(), "重新转办"));
        await scenario.AsAsync("judge.wang");
        var referral = await SameReferralAsync(scenario);
        var before = await MattersOnCaseAsync(app, referral.CaseNumber);

        // A double-click that got past the button: the same request several times at once, each in its own scope and transaction.
        var sends = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (Id: await app.SendAsync(referral), Refused: (DuplicateMatterException?)null);
            }
            catch (DuplicateMatterException refused)
            {
                return (Id: 0, Refused: refused);
            }
        })).ToList();
        var results = await Task.WhenAll(sends);

        var created = Assert.Single(results, r => r.Refused is null);
        Assert.All(results.Where(r => r.Refused is not null), r => Assert.Equal(created.Id, r.Refused!.Existing.Id));
        Assert.Equal(before + 1, await MattersOnCaseAsync(app, referral.CaseNumber));
    }

    [Fact]
    public async Task Should_show_the_form_the_open_matter_it_would_repeat_only_on_a_case_in_the_senders_scope()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        var again = await SameReferralAsync(scenario);

        var found = await app.SendAsync(new FindOpenDuplicates(again));

        var first = await scenario.MatterAsync();
        Assert.Equal(first.Reference, Assert.Single(found).Reference);
        await scenario.AsAsync("coord.zhao");
        Assert.Empty(await app.SendAsync(new FindOpenDuplicates(again)));
    }

    [Fact]
    public async Task Should_refuse_a_window_visit_turned_into_a_matter_the_case_already_has_open_unless_confirmed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var firstVisit = await scenario.LogAsChenAsync(scenario.ClueSubmission());
        var secondVisit = await scenario.LogAsChenAsync(scenario.ClueSubmission());
        var first = await app.SendAsync(new TurnVisitIntoMatter(firstVisit, await VehicleClueAsync(app, scenario, firstVisit)));
        var again = await VehicleClueAsync(app, scenario, secondVisit);

        var refused = await Assert.ThrowsAsync<DuplicateMatterException>(async () => await app.SendAsync(new TurnVisitIntoMatter(secondVisit, again)));

        Assert.Equal(first, refused.Existing.Id);
        Assert.Null((await scenario.VisitAsync(secondVisit)).MatterId);
        again.AllowDuplicate = true;
        again.DuplicateReason = "申请人提交了另一辆车的线索";
        var second = await app.SendAsync(new TurnVisitIntoMatter(secondVisit, again));
        Assert.Equal(second, (await scenario.VisitAsync(secondVisit)).MatterId);
    }

    private static async Task<RegisterMatter> VehicleClueAsync(TestApp app, WindowScenario scenario, int visitId)
    {
        var registration = (await app.SendAsync(new DraftMatterFromVisit(visitId))).Registration!;
        registration.TargetPartyId = scenario.PingliangCase.Parties.First(p => p.Role == PartyRole.Respondent).Id;
        registration.Details.ClueKind = AssetClueKind.Vehicle;
        registration.Details.VehiclePlate = "沪B12345";
        return registration;
    }
}
