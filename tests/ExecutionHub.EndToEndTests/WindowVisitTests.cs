using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class WindowVisitTests(AppFixture app) : BrowserTest(app)
{
    private const string Notes = "申请人反映被执行人每天早上开一辆白色轿车出门，车牌沪B12345，提供了照片。";

    [Fact]
    public Task Coordinator_logs_a_clue_submission_and_turns_it_into_a_matter_in_one_step_that_the_list_shows_linked_to_the_visit() =>
        OnPageAsync(
            async page =>
            {
                var caseNumber = await PingliangCaseAsync();

                // At the window, on a phone: log the visit and go straight on to its matter.
                await SignInAsync(page, "coord.chen");
                await page.GotoAsync("/window");
                await WaitForCircuitAsync(page);
                await page.GetByTestId("window-log").ClickAsync();
                await ChooseAsync(page, "visit-purpose", "线索提交");
                await page.GetByTestId("visit-visitor-name").FillAsync("毛秀英");
                await page.GetByTestId("visit-visitor-phone").FillAsync("13812345678");
                await page.GetByTestId("visit-case-number").FillAsync(caseNumber);
                await page.GetByTestId("visit-notes").FillAsync(Notes);
                await page.GetByTestId("visit-outcome").FillAsync("收取照片两张，当场转为核查事项。");
                await page.GetByTestId("visit-save-to-matter").ClickAsync();

                // The registration opens prefilled from the visit: case, type, request.
                await Expect(page).ToHaveURLAsync(NewMatterFromVisitUrl());
                await Expect(page.GetByTestId("register-from-visit")).ToContainTextAsync("线索提交");
                await Expect(page.GetByTestId("register-case-number")).ToHaveValueAsync(caseNumber);
                await Expect(page.GetByTestId("details-clue-kind")).ToBeVisibleAsync();   // an asset-clue verification
                await Expect(page.GetByTestId("register-request")).ToHaveValueAsync(Notes);
                await Expect(page.GetByTestId("register-respondents")).ToBeVisibleAsync();
                await ChooseAsync(page, "details-clue-kind", "车辆");
                await page.GetByTestId("details-plate").FillAsync("沪B12345");
                await page.GetByTestId("register-submit").ClickAsync();

                // The matter says where it came from, on its page and in its timeline.
                await Expect(page).ToHaveURLAsync(MatterUrl());
                var reference = await page.GetByTestId("matter-reference").InnerTextAsync();
                await Expect(page.GetByTestId("matter-from-window")).ToContainTextAsync("来自窗口接待");
                var events = await page.GetByTestId("timeline-entry").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.event)");
                Assert.Equal(["Timeline.MatterReceived", "Timeline.MatterFromWindowVisit", "Timeline.MatterRegistered"], events);

                // It appears in the matter list marked as from the window, and that mark leads back to the visit.
                await page.GotoAsync("/matters");
                await WaitForCircuitAsync(page);
                await page.GetByTestId("matters-search").FillAsync(caseNumber);
                await Expect(page.GetByTestId($"matter-row-{reference}")).ToBeVisibleAsync();
                await page.GetByTestId($"matter-window-{reference}").ClickAsync();
                await Expect(page).ToHaveURLAsync(VisitUrl());
                await Expect(page.GetByTestId("visit-matter")).ToContainTextAsync(reference);
                await Expect(page.GetByTestId("visit-visitor-name")).ToHaveTextAsync("毛*英");
                await Expect(page.GetByTestId("visit-to-matter")).ToHaveCountAsync(0);
            },
            new ViewportSize { Width = 390, Height = 844 });

    private async Task<string> PingliangCaseAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Cases
            .Where(c => c.Street!.Name == "平凉路街道" && c.Status == CaseStatus.InExecution)
            .Where(c => c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person))
            // An open asset-clue matter on the case (the demo's, another test's) would make this one a duplicate to confirm.
            .Where(c => !db.Matters.Open().Any(m => m.CaseId == c.Id && m.Type == MatterType.AssetClueVerification))
            .OrderBy(c => c.Id)
            .Select(c => c.CaseNumber)
            .FirstAsync();
    }

    [GeneratedRegex(@"/matters/new\?visit=\d+$")]
    private static partial Regex NewMatterFromVisitUrl();

    [GeneratedRegex(@"/matters/\d+$")]
    private static partial Regex MatterUrl();

    [GeneratedRegex(@"/window/visits/\d+$")]
    private static partial Regex VisitUrl();
}
