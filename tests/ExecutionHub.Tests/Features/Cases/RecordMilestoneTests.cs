using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Cases;

public sealed class RecordMilestoneTests
{
    [Fact]
    public async Task Recording_a_settlement_queues_one_message_per_applicant_from_the_template()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await using (var db = await app.DbAsync())
        {
            var template = await db.MessageTemplates.SingleAsync(t => t.Kind == MilestoneKind.Settlement);
            template.Body = "{Court}：{CaseNumber}已于{Date}和解，金额{Amount}元。";
            await db.SaveChangesAsync();
        }

        await app.SignInAsAsync("judge.wang");
        var id = await app.SendAsync(scenario.Milestone(MilestoneKind.Settlement, 12_345.5m, new DateOnly(2026, 11, 20), "双方当庭达成和解"));

        var queued = await scenario.OutboxAsync();
        Assert.Equal(2, queued.Count);
        Assert.Equal(
            scenario.Applicants.Select(a => (Key: $"milestone:{id}:party:{a.Id}", Recipient: a.Phones[0])),
            queued.Select(m => (m.Key, m.Recipient)));
        Assert.All(queued, m =>
        {
            Assert.Equal($"上海市杨浦区人民法院：{scenario.Case.CaseNumber}已于2026年11月20日和解，金额12,345.50元。", m.Body);
            Assert.Equal("sms", m.Channel);
            Assert.Equal(OutboxStatus.Queued, m.Status);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, m.NextAttemptAtUtc);
        });

        await using var check = await app.DbAsync();
        var milestone = await check.Milestones.SingleAsync(m => m.Id == id);
        Assert.Equal((MilestoneKind.Settlement, 12_345.5m, "双方当庭达成和解"), (milestone.Kind, milestone.Amount!.Value, milestone.Note));
        var line = await check.Timeline.SingleAsync(t => t.CaseId == scenario.Case.Id && t.Event == "Timeline.MilestoneRecorded");
        Assert.Null(line.MatterId);
        Assert.Equal(CaseStatus.Settled, (await scenario.ReloadCaseAsync()).Status);
    }

    [Fact]
    public async Task Without_a_saved_template_the_built_in_chinese_text_is_used()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await using (var db = await app.DbAsync())
        {
            await db.MessageTemplates.Where(t => t.Kind == MilestoneKind.CreditBlacklisting).ExecuteDeleteAsync();
        }

        await app.SignInAsAsync("judge.wang");
        await app.SendAsync(scenario.Milestone(MilestoneKind.CreditBlacklisting, on: new DateOnly(2026, 11, 2)));

        var body = (await scenario.OutboxAsync()).First().Body;
        Assert.Equal($"【上海市杨浦区人民法院】您申请执行的{scenario.Case.CaseNumber}案件，法院已于2026年11月2日将被执行人纳入失信被执行人名单。", body);
    }

    [Fact]
    public async Task An_opted_out_applicant_gets_no_message()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var (first, second) = (scenario.Applicants[0], scenario.Applicants[1]);
        await app.SignInAsAsync("coord.chen");
        if (await CoordinatorStreetAsync(app) != scenario.Case.StreetId)
        {
            await app.SignInAsAsync("coord.zhao");
        }

        await app.SendAsync(new SetApplicantOptOut(scenario.Case.Id, first.Id, OptedOut: true));
        await app.SignInAsAsync("judge.wang");
        await app.SendAsync(scenario.Milestone(MilestoneKind.ConsumptionRestriction));

        var queued = Assert.Single(await scenario.OutboxAsync());
        Assert.Equal(second.Phones[0], queued.Recipient);
        await using var db = await app.DbAsync();
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "Case.ApplicantOptedOut" && a.Detail == $"Party {first.Id}"));
    }

    [Fact]
    public async Task Two_milestones_queue_under_distinct_keys_and_a_key_cannot_be_queued_twice()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("judge.wang");

        var seizure = await app.SendAsync(scenario.Milestone(MilestoneKind.AssetSeizure, 50_000m));
        var blacklisting = await app.SendAsync(scenario.Milestone(MilestoneKind.CreditBlacklisting));

        var keys = (await scenario.OutboxAsync()).Select(m => m.Key).ToList();
        Assert.Equal(4, keys.Distinct().Count());
        Assert.NotEqual(seizure, blacklisting);

        // What stops a retried producer from queuing the same milestone × applicant again: the unique key.
        await using var db = await app.DbAsync();
        db.Outbox.Add(new OutboxMessage { Key = keys[0], Channel = "sms", Recipient = "13800000000", Body = "重复", CreatedAtUtc = TestApp.Start.UtcDateTime, NextAttemptAtUtc = TestApp.Start.UtcDateTime });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_coordinator_cannot_record_a_milestone()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(scenario.Milestone(MilestoneKind.Closure)));

        await AssertNothingRecordedAsync(scenario);
    }

    [Fact]
    public async Task A_judge_of_another_court_cannot()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var other = await new HandBuiltData(app).WithOrganisationAsync();
        other.ActAs(other.Judge, Roles.Judge);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(scenario.Milestone(MilestoneKind.Closure)));

        await AssertNothingRecordedAsync(scenario);
        Assert.Equal(CaseStatus.InExecution, (await scenario.ReloadCaseAsync()).Status);
    }

    [Fact]
    public async Task Payment_received_adds_to_the_amount_recovered()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("judge.wang");

        await app.SendAsync(scenario.Milestone(MilestoneKind.PaymentReceived, 1_000m));
        await app.SendAsync(scenario.Milestone(MilestoneKind.PaymentReceived, 234.56m));

        var @case = await scenario.ReloadCaseAsync();
        Assert.Equal(1_234.56m, @case.AmountRecovered);
        Assert.Equal(CaseStatus.InExecution, @case.Status);
    }

    [Fact]
    public async Task A_payment_that_covers_what_is_owed_marks_the_case_paid()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("judge.wang");

        await app.SendAsync(scenario.Milestone(MilestoneKind.PaymentReceived, scenario.Case.AmountOwed));

        Assert.Equal(CaseStatus.Paid, (await scenario.ReloadCaseAsync()).Status);
    }

    [Fact]
    public async Task Closure_closes_the_case_and_a_closed_case_takes_no_more_milestones()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("judge.wang");

        await app.SendAsync(scenario.Milestone(MilestoneKind.Closure));

        Assert.Equal(CaseStatus.Closed, (await scenario.ReloadCaseAsync()).Status);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(scenario.Milestone(MilestoneKind.PaymentReceived, 10m)));
        Assert.Equal("Milestone.CaseClosed", refused.MessageKey);
        Assert.Equal(2, (await scenario.OutboxAsync()).Count);
    }

    [Fact]
    public async Task A_future_date_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("judge.wang");

        // 2026-11-27 01:30 UTC is 09:30 in Shanghai: the 27th is today there, the 28th is tomorrow.
        await app.SendAsync(scenario.Milestone(MilestoneKind.CreditBlacklisting, on: new DateOnly(2026, 11, 27)));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(scenario.Milestone(MilestoneKind.CreditBlacklisting, on: new DateOnly(2026, 11, 28))));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(RecordMilestone.OccurredOn));
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Milestones.CountAsync(m => m.CaseId == scenario.Case.Id));
    }

    [Theory]
    [InlineData(MilestoneKind.AssetSeizure, null, false)]
    [InlineData(MilestoneKind.Settlement, null, false)]
    [InlineData(MilestoneKind.PaymentReceived, null, false)]
    [InlineData(MilestoneKind.DetentionOrFine, null, false)]
    [InlineData(MilestoneKind.DetentionOrFine, 1000.0, true)]
    [InlineData(MilestoneKind.CreditBlacklisting, null, true)]
    [InlineData(MilestoneKind.Closure, null, true)]
    [InlineData(MilestoneKind.PaymentReceived, -5.0, false)]
    public void The_amount_is_required_where_money_changes_hands(MilestoneKind kind, double? amount, bool valid)
    {
        var validator = new RecordMilestoneValidator(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestApp.Start));
        var command = new RecordMilestone { CaseId = 1, Kind = kind, OccurredOn = new DateOnly(2026, 11, 1), Amount = (decimal?)amount };

        Assert.Equal(valid, validator.Validate(command).IsValid);
    }

    [Fact]
    public async Task A_note_longer_than_500_characters_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("judge.wang");

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(scenario.Milestone(MilestoneKind.Closure, note: new string('注', 501))));
    }

    private static async Task<int?> CoordinatorStreetAsync(TestApp app) => (await app.User.GetAsync()).StreetId;

    private static async Task AssertNothingRecordedAsync(MilestoneScenario scenario)
    {
        await using var db = await scenario.App.DbAsync();
        Assert.False(await db.Milestones.AnyAsync(m => m.CaseId == scenario.Case.Id));
        Assert.Empty(await scenario.OutboxAsync());
    }
}
