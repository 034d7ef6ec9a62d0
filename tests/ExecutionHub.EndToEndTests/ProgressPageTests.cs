using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class ProgressPageTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task An_applicant_opens_the_progress_of_their_case_on_a_phone_with_a_texted_code() =>
        OnPageAsync(
            async page =>
            {
                var (caseNumber, phone, respondentName) = await CaseWithAMilestoneAsync();

                await page.GotoAsync("/progress");
                await Expect(page.Locator("h1")).ToHaveTextAsync("执行案件进度查询");
                await page.GetByTestId("progress-case").FillAsync(caseNumber);
                await page.GetByTestId("progress-phone").FillAsync(phone);
                await page.GetByTestId("progress-request").ClickAsync();

                await Expect(page.GetByTestId("progress-message")).ToContainTextAsync("验证码已发送至该手机");
                await page.GetByTestId("progress-code").FillAsync(await CodeTextedToAsync(phone));
                await page.GetByTestId("progress-open").ClickAsync();

                await Expect(page.GetByTestId("progress-case-number")).ToHaveTextAsync(caseNumber);
                await Expect(page.GetByTestId("progress-milestones")).ToContainTextAsync("财产查扣");
                await Expect(page.GetByTestId("progress-milestones")).ToContainTextAsync("2026-11-20");
                var shown = await page.Locator("body").InnerTextAsync();
                Assert.DoesNotContain(respondentName, shown, StringComparison.Ordinal);
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
                Assert.False(overflow, "the progress page scrolls sideways on a 390px-wide phone");
            },
            new ViewportSize { Width = 390, Height = 844 });

    /// <summary>A demo case (one no other test uses) whose applicant has a mobile and whose respondent is a person, given a seizure milestone.</summary>
    private async Task<(string CaseNumber, string Phone, string RespondentName)> CaseWithAMilestoneAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var cases = await db.Cases.Include(c => c.Parties).Where(c => c.Status != CaseStatus.Closed).OrderByDescending(c => c.Id).Take(40).ToListAsync();
        var @case = cases.First(c =>
            c.Parties.Any(p => p.Role == PartyRole.Applicant && p.Phones.Any(x => x.StartsWith('1')))
            && c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person));
        db.Milestones.Add(new CaseMilestone
        {
            CaseId = @case.Id,
            Kind = MilestoneKind.AssetSeizure,
            OccurredOn = new DateOnly(2026, 11, 20),
            Amount = 6_000m,
            Note = "冻结银行账户",
            RecordedById = @case.JudgeId,
            RecordedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        var applicant = @case.Parties.First(p => p.Role == PartyRole.Applicant && p.Phones.Any(x => x.StartsWith('1')));
        return (@case.CaseNumber, applicant.Phones.First(x => x.StartsWith('1')), @case.Parties.First(p => p.Role == PartyRole.Respondent).Name);
    }

    /// <summary>Reads the code from the SMS the page queued (no SMS gateway in a test).</summary>
    private async Task<string> CodeTextedToAsync(string phone)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var message = await db.Outbox.Where(m => m.Recipient == phone && m.Key.StartsWith("progress-code:")).OrderByDescending(m => m.Id).FirstAsync();
        return CodeIn().Match(App.Services.GetRequiredService<OutboxSecrets>().WithSecret(message).Body).Groups[1].Value;
    }

    [GeneratedRegex(@"验证码为(\d{6})")]
    private static partial Regex CodeIn();
}
