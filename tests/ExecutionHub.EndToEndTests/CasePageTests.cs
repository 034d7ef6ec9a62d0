using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class CasePageTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_judge_reads_a_cases_feedback_and_timeline_on_a_phone_without_sideways_scrolling() =>
        OnPageAsync(
            async page =>
            {
                var (caseId, reference) = await CaseWithFeedbackAndMilestoneAsync();

                await SignInAsync(page, "judge.li");
                await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
                await page.GotoAsync($"/cases/{caseId}");
                await WaitForCircuitAsync(page);

                await Expect(page.GetByTestId($"case-feedback-{reference}")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("case-timeline").GetByTestId("timeline-matter").First).ToBeVisibleAsync();
                await Expect(page.GetByTestId("case-timeline").Locator("[data-event='Timeline.MilestoneRecorded']").First).ToBeVisibleAsync();
                await Expect(page.GetByTestId($"case-matter-{reference}").GetByTestId("matter-clock")).ToBeVisibleAsync();
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
                Assert.False(overflow, "the case page scrolls sideways on a 390px-wide phone");
            },
            new ViewportSize { Width = 390, Height = 844 });

    /// <summary>A demo case with a fed-back matter and a milestone, in the judges' court.</summary>
    private async Task<(int CaseId, string Reference)> CaseWithFeedbackAndMilestoneAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var matter = await db.Matters
            .Where(m => m.Status == MatterStatus.FedBack && db.Milestones.Any(s => s.CaseId == m.CaseId))
            .OrderBy(m => m.Id)
            .Select(m => new { m.CaseId, m.Reference })
            .FirstAsync();
        return (matter.CaseId, matter.Reference);
    }
}
