using System.Text.Json;
using System.Text.RegularExpressions;
using ExecutionHub.Tests.Features.Cases;
using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Progress;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Tests.Infrastructure.Messaging;
using ExecutionHub.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Progress;

public sealed partial class ProgressTests
{
    [Fact]
    public async Task A_correct_code_shows_milestones_without_debtor_personal_data()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var workflow = await WorkflowScenario.ReferAsync(app);
        await workflow.ThroughFeedbackAsync();
        var matter = await workflow.MatterAsync();
        await app.SignInAsAsync("judge.wang");
        await app.SendAsync(new Web.Features.Cases.RecordMilestone { CaseId = matter.CaseId, Kind = MilestoneKind.AssetSeizure, OccurredOn = new DateOnly(2026, 11, 25), Amount = 8_800m, Note = "冻结被执行人名下银行账户" });
        var (caseNumber, applicant, respondent) = await PartiesAsync(app, matter.CaseId);

        var view = await OpenWithCodeAsync(app, caseNumber, applicant.Phones[0]);

        Assert.NotNull(view);
        Assert.Equal((caseNumber, "上海市杨浦区人民法院"), (view.CaseNumber, view.CourtName));
        Assert.Equal([new ProgressMilestone(MilestoneKind.AssetSeizure, new DateOnly(2026, 11, 25), 8_800m)], view.Milestones);
        Assert.Contains(view.Matters, m => m.Type == MatterType.DebtorWhereabouts && m.Status == MatterStatus.FedBack && m.FedBackOn == new DateOnly(2026, 11, 27));
        var everything = JsonSerializer.Serialize(view, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.DoesNotContain(respondent.Name, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(respondent.IdentityNumber, everything, StringComparison.Ordinal);
        Assert.All(respondent.Phones, phone => Assert.DoesNotContain(phone, everything, StringComparison.Ordinal));
        Assert.DoesNotContain("河间路", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("冻结被执行人名下银行账户", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(matter.Feedback!, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_opens_the_page_once()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var phone = scenario.Applicants[1].Phones[0];
        var code = await RequestCodeAsync(app, scenario.Case.CaseNumber, phone);

        Assert.NotNull(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, code!)));
        Assert.Null(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, code!)));
    }

    [Fact]
    public async Task A_wrong_code_five_times_locks_the_code()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var phone = scenario.Applicants[0].Phones[0];
        var code = await RequestCodeAsync(app, scenario.Case.CaseNumber, phone);
        var wrong = code == "000000" ? "000001" : "000000";

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Null(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, wrong)));
        }

        Assert.Null(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, code!)));
        await using var db = await app.DbAsync();
        var stored = await db.ProgressAccessCodes.SingleAsync();
        Assert.Equal((5, (DateTime?)null), (stored.FailedAttempts, stored.UsedAtUtc));
    }

    [Fact]
    public async Task Four_wrong_codes_still_leave_the_right_one_usable()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var phone = scenario.Applicants[0].Phones[0];
        var code = await RequestCodeAsync(app, scenario.Case.CaseNumber, phone);
        var wrong = code == "000000" ? "000001" : "000000";

        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Null(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, wrong)));
        }

        Assert.NotNull(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, code!)));
    }

    [Fact]
    public async Task An_unknown_case_or_phone_gets_the_same_answer_and_no_code()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        const string respondentPhone = "13712345678";
        await using (var setup = await app.DbAsync())
        {
            var respondent = await setup.CaseParties.SingleAsync(p => p.Id == scenario.Respondent.Id);
            respondent.Phones = [respondentPhone];
            await setup.SaveChangesAsync();
        }

        // Each returns normally, exactly as a match does; nothing is stored or sent.
        await app.SendAsync(new RequestProgressCode("(2026)沪0110执9999号", scenario.Applicants[0].Phones[0]));
        await app.SendAsync(new RequestProgressCode(scenario.Case.CaseNumber, "13900000000"));
        await app.SendAsync(new RequestProgressCode(scenario.Case.CaseNumber, respondentPhone));

        await using var db = await app.DbAsync();
        Assert.Empty(await db.ProgressAccessCodes.ToListAsync());
        Assert.Empty(await db.Outbox.ToListAsync());
    }

    [Fact]
    public async Task A_phone_typed_with_spaces_or_the_country_code_still_matches()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var phone = scenario.Applicants[0].Phones[0];

        await app.SendAsync(new RequestProgressCode(scenario.Case.CaseNumber.Replace('(', '（').Replace(')', '）'), $"+86 {phone[..3]} {phone[3..7]} {phone[7..]}"));

        Assert.Equal(phone, Assert.Single(await OutboxAsync(app)).Recipient);
    }

    [Fact]
    public async Task Codes_expire_after_ten_minutes()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var phone = scenario.Applicants[0].Phones[0];

        var first = await RequestCodeAsync(app, scenario.Case.CaseNumber, phone);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, first!)));

        var second = await RequestCodeAsync(app, scenario.Case.CaseNumber, phone);
        app.Clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.NotNull(await app.SendAsync(new OpenProgress(scenario.Case.CaseNumber, phone, second!)));
    }

    [Fact]
    public async Task A_fourth_code_within_an_hour_is_not_sent()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var phone = scenario.Applicants[0].Phones[0];

        for (var i = 0; i < 4; i++)
        {
            await app.SendAsync(new RequestProgressCode(scenario.Case.CaseNumber, phone));
            app.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(3, (await OutboxAsync(app)).Count);

        // An hour after the first, one more may go.
        app.Clock.Advance(TimeSpan.FromMinutes(41));
        await app.SendAsync(new RequestProgressCode(scenario.Case.CaseNumber, phone));
        var queued = await OutboxAsync(app);
        Assert.Equal(4, queued.Count);
        Assert.Equal(queued.Count, queued.Select(m => m.Key).Distinct().Count());
        Assert.All(queued, m => Assert.StartsWith("progress-code:", m.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_keep_the_progress_code_out_of_the_stored_text_and_the_log_and_put_it_only_into_the_sms_the_gateway_receives()
    {
        await using var gateway = await FakeSmsGateway.StartAsync();
        await using var app = await TestApp.CreateAsync(demoData: true, settings: gateway.Settings());
        await WithoutDemoMilestonesAsync(app);
        await using (var clean = await app.DbAsync())
        {
            await clean.Outbox.ExecuteDeleteAsync();
        }

        var log = CapturedLog.Attach(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var code = await RequestCodeAsync(app, scenario.Case.CaseNumber, scenario.Applicants[0].Phones[0]);
        Assert.Matches(@"^\d{6}$", code);

        var stored = Assert.Single(await OutboxAsync(app));
        Assert.Contains("验证码为******，", stored.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code!, stored.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code!, stored.ProtectedSecret!, StringComparison.Ordinal);

        Assert.Equal(1, (await app.Services.GetRequiredService<DeliverOutboxJob>().DeliverDueAsync()).Sent);
        var sms = Assert.Single(gateway.Accepted);
        Assert.Contains($"验证码为{code}，", sms.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, l => l.Message.Contains(code!, StringComparison.Ordinal));
        await using var db = await app.DbAsync();
        Assert.Equal("验证码为******，", CodeText().Match((await db.Outbox.SingleAsync()).Body).Value);
    }

    [Fact]
    public async Task Should_write_the_progress_code_as_stars_when_the_sms_goes_to_the_log_channel()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var log = CapturedLog.Attach(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var code = await RequestCodeAsync(app, scenario.Case.CaseNumber, scenario.Applicants[0].Phones[0]);

        await app.Services.GetRequiredService<DeliverOutboxJob>().DeliverDueAsync();

        Assert.Contains(log.Lines, l => l.Category == typeof(LogChannel).FullName && l.Message.Contains("验证码为******", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Message.Contains(code!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_hash_of_the_code_is_stored()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await WithoutDemoMilestonesAsync(app);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        var code = await RequestCodeAsync(app, scenario.Case.CaseNumber, scenario.Applicants[0].Phones[0]);

        await using var db = await app.DbAsync();
        var stored = await db.ProgressAccessCodes.SingleAsync();
        Assert.DoesNotContain(code!, stored.CodeHash, StringComparison.Ordinal);
        Assert.True(ProgressAccess.Verify(code!, stored.CodeHash));
        Assert.Equal(TestApp.Start.UtcDateTime.AddMinutes(10), stored.ExpiresAtUtc);
    }

    /// <summary>Asks for a code as an anonymous visitor and reads it from the SMS queued for it.</summary>
    private static async Task<string?> RequestCodeAsync(TestApp app, string caseNumber, string phone)
    {
        app.User.Current = UserContext.Anonymous;
        var before = (await OutboxAsync(app)).Count;
        await app.SendAsync(new RequestProgressCode(caseNumber, phone));
        var queued = await OutboxAsync(app);
        return queued.Count == before ? null : CodeIn().Match(Sms(app, queued[^1])).Groups[1].Value;
    }

    private static async Task<ProgressView?> OpenWithCodeAsync(TestApp app, string caseNumber, string phone)
    {
        var code = await RequestCodeAsync(app, caseNumber, phone);
        Assert.NotNull(code);
        return await app.SendAsync(new OpenProgress(caseNumber, phone, code));
    }

    /// <summary>The text as the SMS gateway receives it, the code put in.</summary>
    private static string Sms(TestApp app, OutboxMessage message) =>
        app.Services.GetRequiredService<OutboxSecrets>().WithSecret(message).Body;

    private static async Task<List<OutboxMessage>> OutboxAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith("progress-code:")).OrderBy(m => m.Id).ToListAsync();
    }

    private static async Task<(string CaseNumber, CaseParty Applicant, CaseParty Respondent)> PartiesAsync(TestApp app, int caseId)
    {
        await using var db = await app.DbAsync();
        var @case = await db.Cases.Include(c => c.Parties).AsNoTracking().SingleAsync(c => c.Id == caseId);
        return (@case.CaseNumber, @case.Parties.First(p => p.Role == PartyRole.Applicant), @case.Parties.First(p => p.Role == PartyRole.Respondent));
    }

    [GeneratedRegex(@"验证码为(\d{6})")]
    private static partial Regex CodeIn();

    [GeneratedRegex(@"验证码为[^，]*，")]
    private static partial Regex CodeText();

    /// <summary>The demo data's own milestones would blur what the test records.</summary>
    private static async Task WithoutDemoMilestonesAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        await db.Milestones.ExecuteDeleteAsync();
    }
}
