using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class MeetingsAndMediationTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Coordinator_records_a_settlement_in_three_instalments_on_the_case_page_and_marks_the_first_paid() =>
        OnPageAsync(async page =>
        {
            var caseId = await CaseWithoutMediationAsync();
            await SignInAsync(page, "coord.chen");
            await page.GotoAsync($"/cases/{caseId}");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("mediations-none")).ToBeVisibleAsync();

            await page.GetByTestId("mediation-record").ClickAsync();
            await page.Locator(".mud-dialog .mud-checkbox").First.ClickAsync();
            await page.GetByTestId("mediation-total").FillAsync("10000");

            // An unbalanced plan is refused with both sums, and nothing is saved.
            await page.GetByTestId("mediation-add-instalment").ClickAsync();
            await page.GetByTestId("mediation-instalment-amount-1").FillAsync("4000");
            await page.GetByTestId("mediation-save").ClickAsync();
            await Expect(page.GetByTestId("mediation-errors")).ToContainTextAsync("4,000.00");

            // Split evenly: 3,333.33 + 3,333.33 + 3,333.34, a month apart.
            await page.GetByTestId("mediation-split").ClickAsync();
            await Expect(page.GetByTestId("mediation-instalment")).ToHaveCountAsync(3);
            await page.GetByTestId("mediation-save").ClickAsync();

            var session = page.GetByTestId("mediation-session");
            await Expect(session).ToHaveCountAsync(1);
            await Expect(session.GetByTestId("mediation-session-result")).ToContainTextAsync("达成和解");
            await Expect(session.GetByTestId("due-state")).ToHaveCountAsync(3);
            await Expect(session).ToContainTextAsync("3,333.34");

            await page.GetByTestId("instalment-mark-paid-1").ClickAsync();
            await page.GetByTestId("instalment-paid-confirm").ClickAsync();
            await Expect(session.Locator("[data-testid=due-state][data-state=Done]")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("instalment-mark-paid-1")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("milestones")).ToContainTextAsync("执行和解");
        });

    [Fact]
    public Task Coordinator_sees_the_upcoming_and_past_meetings_and_an_agent_marks_the_overdue_action_item_done_on_the_board() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "coord.chen");
            await page.GotoAsync("/meetings");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("meeting-row")).Not.ToHaveCountAsync(0);
            await Expect(page.GetByTestId("meeting-overdue").First).ToBeVisibleAsync();

            await page.GetByTestId("meeting-link").GetByText("第四季度").ClickAsync();
            await Expect(page).ToHaveURLAsync(MeetingUrl());
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("agenda-item")).Not.ToHaveCountAsync(0);
            await Expect(page.GetByTestId("action-items").Locator("[data-testid=due-state][data-state=Overdue]")).ToHaveCountAsync(1);

            // The HR bureau's agent sees the overdue item on the board and closes it with a note.
            await page.Context.ClearCookiesAsync();
            await SignInAsync(page, "hr.he");
            await page.GotoAsync("/meetings/actions");
            await WaitForCircuitAsync(page);
            var overdue = page.GetByTestId("action-items").Locator("tr", new LocatorLocatorOptions { Has = page.Locator("[data-state=Overdue]") });
            await Expect(overdue).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("action-items")).Not.ToContainTextAsync("派出所");
            await overdue.GetByTestId("action-item-complete").ClickAsync();
            await page.GetByTestId("reason-text").FillAsync("已核实社保缴纳单位，结果已反馈工作站。");
            await page.GetByTestId("reason-confirm").ClickAsync();
            await Expect(page.GetByTestId("action-items").Locator("[data-state=Overdue]")).ToHaveCountAsync(0);
        });

    private async Task<int> CaseWithoutMediationAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Cases
            .Where(c => c.Street!.Name == "平凉路街道" && c.Status == CaseStatus.InExecution && !db.Mediations.Any(m => m.CaseId == c.Id))
            .Where(c => c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person))
            .OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    [GeneratedRegex(@"/meetings/\d+$")]
    private static partial Regex MeetingUrl();
}
