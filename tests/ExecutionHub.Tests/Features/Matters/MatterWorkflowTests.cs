using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Features.Matters.Findings;
using ExecutionHub.Web.Features.Matters.Lifecycle;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters;

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

        await scenario.ThroughFeedbackAsync();
        await scenario.AsAsync("judge.wang");
        await app.SendAsync(new AcknowledgeFeedback(scenario.MatterId, await scenario.VersionAsync()));
        await app.SendAsync(new CloseMatter(scenario.MatterId, await scenario.VersionAsync()));

        var matter = await scenario.MatterAsync();
        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Contains("河间路200弄3号", matter.Feedback);
        Assert.Equal(
            ["Timeline.MatterReceived", "Timeline.MatterRegistered", "Timeline.TaskDispatched", "Timeline.FindingSubmitted", "Timeline.FindingAccepted",
             "Timeline.MatterFedBack", "Timeline.FeedbackAcknowledged", "Timeline.MatterClosed"],
            await scenario.TimelineAsync());
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

    [Fact]
    public async Task A_task_cannot_be_sent_to_a_worker_of_another_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await using var db = await app.DbAsync();
        var otherStreetWorker = await db.Users.Where(u => u.GridId != null && u.Grid!.Community!.Street!.Name == "定海路街道").Select(u => u.UserName!).FirstAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => scenario.DispatchToAsync(otherStreetWorker));

        Assert.Equal("Rule.Task.AssigneeNotInStreet", refused.MessageKey);
        Assert.Empty((await scenario.MatterAsync()).Tasks);
    }

    [Fact]
    public async Task Dispatch_options_put_the_targets_own_community_first_with_open_task_counts()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.AsAsync("coord.chen");
        var before = await app.SendAsync(new GetDispatchOptions(scenario.MatterId));

        await scenario.DispatchToAsync("grid.liu");
        await scenario.AsAsync("coord.chen");
        var after = await app.SendAsync(new GetDispatchOptions(scenario.MatterId));

        Assert.True(after.Candidates[0].Suggested);
        Assert.Equal(before.Candidates.Single(c => c.Name == "刘建国").OpenTasks + 1, after.Candidates.Single(c => c.Name == "刘建国").OpenTasks);
        Assert.Contains(after.Candidates, c => c.AgencyId is not null);
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(48), after.DefaultDueAtUtc);
    }

    [Fact]
    public async Task Bulk_dispatch_sends_several_matters_to_one_worker()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var first = await WorkflowScenario.ReferAsync(app);
        var second = await WorkflowScenario.ReferAsync(app, MatterType.HouseholdSurvey);
        var worker = await first.AsAsync("grid.liu");
        await first.AsAsync("coord.chen");

        var sent = await app.SendAsync(new BulkDispatch([first.MatterId, second.MatterId], worker.Id, "一并走访"));

        Assert.Equal(2, sent);
        Assert.Equal(MatterStatus.Dispatched, (await first.MatterAsync()).Status);
        Assert.Single((await second.MatterAsync()).Tasks);
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
}
