using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Features.Matters.Findings;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters;

/// <summary>A matter from referral or registration through findings and feedback to the court, over the demo data (<see cref="WorkflowScenario"/>).</summary>
public sealed class MatterWorkflowTests
{
    [Fact]
    public async Task Judge_refers_a_whereabouts_matter_due_72_hours_after_receipt()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);

        var scenario = await WorkflowScenario.ReferAsync(app);

        var matter = await scenario.MatterAsync();
        Assert.Equal(MatterStatus.Received, matter.Status);
        Assert.Equal(MatterSource.CourtExOfficio, matter.Source);
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(72), matter.DueAtUtc);
        Assert.Matches(@"^ZX-2026-\d{5}$", matter.Reference);
        Assert.Equal(["Timeline.MatterReceived"], await scenario.TimelineAsync());
    }

    [Fact]
    public async Task The_whole_round_trip_is_recorded_step_by_step_in_the_timeline()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);

        await scenario.ThroughClosureAsync();

        var matter = await scenario.MatterAsync();
        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Contains("河间路200弄3号", matter.Feedback);
        Assert.Equal(WorkflowScenario.RoundTripTimeline, await scenario.TimelineAsync());
    }

    [Fact]
    public async Task Coordinator_registers_a_party_application_and_creates_the_case_on_the_spot()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var judge = await app.SignInAsAsync("judge.li");
        await app.SignInAsAsync("coord.zhao");

        var id = await app.SendAsync(new RegisterMatter
        {
            Source = MatterSource.PartyApplication,
            Type = MatterType.AssetClueVerification,
            CaseNumber = "（2026）沪0110执9990号",
            Cause = "民间借贷纠纷",
            AmountOwed = 38_000m,
            JudgeId = judge.Id,
            TargetName = "周明",
            TargetIdentityNumber = "11010519491231002X",
            TargetPhone = "13812345678",
            TargetAddress = "上海市杨浦区隆昌路88号",
            Request = "申请人反映被执行人驾驶一辆白色轿车。",
            Details = new MatterDetails { ClueKind = AssetClueKind.Vehicle, VehiclePlate = "沪B12345", VehicleModel = "大众朗逸" },
        });

        await using var db = await app.DbAsync();
        var matter = await db.Matters.Include(m => m.Case).Include(m => m.TargetParty).SingleAsync(m => m.Id == id);
        Assert.Equal(MatterStatus.Registered, matter.Status);
        Assert.Equal("(2026)沪0110执9990号", matter.Case!.CaseNumber);
        Assert.Equal("定海路街道", await db.Streets.Where(s => s.Id == matter.StreetId).Select(s => s.Name).SingleAsync());
        Assert.Equal("周明", matter.TargetParty!.Name);
        Assert.Equal("隆昌路居委", await db.Communities.Where(c => c.Id == matter.Case.CommunityId).Select(c => c.Name).SingleAsync());
        Assert.Equal("沪B12345", matter.Details.VehiclePlate);
    }

    [Fact]
    public async Task A_vehicle_clue_without_a_plate_is_refused_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");
        await using var before = await app.DbAsync();
        var count = await before.Matters.CountAsync();

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(new RegisterMatter
        {
            Source = MatterSource.PartyApplication,
            Type = MatterType.AssetClueVerification,
            CaseNumber = "(2026)沪0110执9991号",
            TargetName = "吴强",
            Request = "车辆线索",
            Details = new MatterDetails { ClueKind = AssetClueKind.Vehicle },
        }));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(MatterDetails.VehiclePlate));
        await using var after = await app.DbAsync();
        Assert.Equal(count, await after.Matters.CountAsync());
        Assert.False(await after.Cases.AnyAsync(c => c.CaseNumber == "(2026)沪0110执9991号"));
    }

    [Fact]
    public async Task An_unknown_matter_type_or_source_is_refused_in_words_naming_the_field_not_the_property()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(new RegisterMatter
        {
            Source = 0,
            Type = 0,
            CaseNumber = "(2026)沪0110执9992号",
            TargetName = "吴强",
            Request = "核查",
        }));

        var type = Assert.Single(refused.Errors, e => e.PropertyName == nameof(RegisterMatter.Type));
        var source = Assert.Single(refused.Errors, e => e.PropertyName == nameof(RegisterMatter.Source));
        Assert.Contains("事项类型", type.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("来源", source.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("'Type'", type.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_matter_is_numbered_after_the_highest_numbered_reference_whatever_other_references_share_the_prefix()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");
        string highest;
        await using (var db = await app.DbAsync())
        {
            var prefix = $"ZX-{TestApp.Start.ToOffset(TimeSpan.FromHours(8)).Year}-";
            highest = await db.Matters.Where(m => m.Reference.StartsWith(prefix)).OrderByDescending(m => m.Reference).Select(m => m.Reference).FirstAsync();
            var other = await db.Matters.OrderBy(m => m.Id).FirstAsync();
            other.Reference = prefix + "B0999999"; // a bulk-loaded or migrated scheme that sorts above the digits
            await db.SaveChangesAsync();
        }

        var id = (await WorkflowScenario.ReferAsync(app)).MatterId;

        await using var check = await app.DbAsync();
        var reference = await check.Matters.Where(m => m.Id == id).Select(m => m.Reference).SingleAsync();
        Assert.Equal(int.Parse(highest[^5..], CultureInfo.InvariantCulture) + 1, int.Parse(reference[^5..], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_judge_cannot_register_a_party_application()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("judge.wang");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RegisterMatter
        {
            Source = MatterSource.PartyApplication,
            Type = MatterType.HouseholdSurvey,
            CaseNumber = "(2026)沪0110执9992号",
            TargetName = "吴强",
            Request = "家庭经济状况调查",
        }));
    }

    [Fact]
    public async Task A_returned_finding_goes_back_to_the_worker_with_the_reason()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.SubmitFindingAsync();

        await scenario.AsAsync("coord.chen");
        await app.SendAsync(new ReviewFinding(scenario.TaskId, await scenario.TaskVersionAsync(), Accept: false, Reason: "请补充门牌照片"));

        await scenario.AsAsync("grid.liu");
        var mine = await app.SendAsync(new ListMyTasks());
        var row = Assert.Single(mine, t => t.TaskId == scenario.TaskId);
        Assert.Equal(VerificationTaskStatus.Returned, row.Status);
        Assert.Equal("请补充门牌照片", row.ReviewNote);
    }

    [Fact]
    public async Task Judge_returns_a_fed_back_matter_and_the_refed_matter_keeps_its_first_cycle()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(5));
        await scenario.ThroughFeedbackAsync();

        await scenario.AsAsync("judge.wang");
        await app.SendAsync(new ReturnMatter(scenario.MatterId, await scenario.VersionAsync(), "请补充其车辆停放情况"));
        app.Clock.Advance(TimeSpan.FromHours(20));
        await scenario.DispatchToAsync("grid.liu");
        await scenario.SubmitFindingAsync();
        await scenario.AcceptFindingAsync();
        await scenario.FeedBackAsync();

        var matter = await scenario.MatterAsync();
        Assert.Equal((MatterStatus.FedBack, 1), (matter.Status, matter.ReturnCount));
        Assert.Equal(TimeSpan.FromHours(5), matter.Clock(app.Clock.GetUtcNow().UtcDateTime).FeedbackCycle);
    }

    [Fact]
    public async Task The_judge_sees_the_feedback_on_the_case_as_well()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.ThroughFeedbackAsync();
        await scenario.AsAsync("judge.wang");

        var @case = await app.SendAsync(new ExecutionHub.Web.Features.Cases.GetCase((await scenario.MatterAsync()).CaseId));

        var matter = Assert.Single(@case.Matters, m => m.Id == scenario.MatterId);
        Assert.Equal(MatterStatus.FedBack, matter.Status);
        Assert.Contains("河间路200弄3号", matter.Feedback);
        Assert.All(@case.Respondents, r => Assert.Contains("*", r.IdentityNumber));
    }

    [Fact]
    public async Task A_coordinator_of_another_street_cannot_open_the_case()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AsAsync("coord.zhao");

        await Assert.ThrowsAsync<RequestRefusedException>(async () => await app.SendAsync(new ExecutionHub.Web.Features.Cases.GetCase((await scenario.MatterAsync()).CaseId)));
    }

    [Fact]
    public async Task Waiving_the_only_task_lets_the_coordinator_feed_back_that_nothing_could_be_verified()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.AsAsync("coord.chen");

        await app.SendAsync(new WaiveTask(scenario.TaskId, await scenario.TaskVersionAsync(), "被执行人户籍地已拆迁，无法走访"));
        await app.SendAsync(new FeedBackMatter(scenario.MatterId, await scenario.VersionAsync(), "户籍地已拆迁，暂无法核实下落。", MatterOutcome.NotFound));

        var matter = await scenario.MatterAsync();
        Assert.Equal(MatterStatus.FedBack, matter.Status);
        Assert.Equal(VerificationTaskStatus.Waived, Assert.Single(matter.Tasks).Status);
        Assert.Contains("Timeline.TaskWaived", await scenario.TimelineAsync());
    }

    [Fact]
    public async Task The_matter_view_is_open_until_fed_back_and_offers_consolidation_only_once_every_task_is_settled()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.DispatchToAsync("grid.liu");
        await scenario.SubmitFindingAsync();

        async Task<(bool IsOpen, bool CanConsolidate)> SeenAsync()
        {
            await scenario.AsAsync("coord.chen");
            var view = await app.SendAsync(new GetMatter(scenario.MatterId));
            return (view.IsOpen, view.CanConsolidate);
        }

        var submitted = await SeenAsync();
        await scenario.AcceptFindingAsync();
        var settled = await SeenAsync();
        await scenario.FeedBackAsync();
        var fedBack = await SeenAsync();

        Assert.Equal((true, false), submitted);
        Assert.Equal((true, true), settled);
        Assert.Equal((false, false), fedBack);
    }
}
