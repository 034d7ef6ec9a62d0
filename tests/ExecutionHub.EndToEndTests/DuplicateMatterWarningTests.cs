using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>Referring what is already being done: the form names the open matter and goes on only with a reason, kept on the new matter's timeline.</summary>
[Collection(AppCollection.Name)]
public sealed partial class DuplicateMatterWarningTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Should_name_the_open_matter_and_refer_a_second_only_with_a_reason_on_its_timeline() =>
        OnPageAsync(async page =>
        {
            var fresh = await App.AddCaseAsync();
            await SignInAsync(page, "judge.wang");

            await ReferAsync(page, fresh.CaseNumber);
            await Expect(page).ToHaveURLAsync(MatterUrl());
            var first = await page.GetByTestId("matter-reference").InnerTextAsync();

            // The same type for the same respondent again: the form shows the first and asks.
            await ReferAsync(page, fresh.CaseNumber);
            var dialog = page.GetByTestId("duplicate-dialog");
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog.GetByTestId("duplicate-existing-link")).ToHaveTextAsync(first);
            await Expect(dialog.GetByTestId("matter-status")).ToHaveTextAsync("已接收");
            await Expect(page.GetByTestId("duplicate-confirm")).ToBeDisabledAsync();

            // Stopping saves nothing; going on with a reason refers the second.
            await page.GetByTestId("duplicate-cancel").ClickAsync();
            await Expect(page.GetByTestId("duplicate-dialog")).ToHaveCountAsync(0);
            Assert.Single(await App.MatterIdsOnCaseAsync(fresh.Id));
            await page.GetByTestId("register-submit").ClickAsync();
            await page.GetByTestId("duplicate-reason").FillAsync("被执行人已搬离，按法院新掌握的线索另行核查");
            await page.GetByTestId("duplicate-confirm").ClickAsync();

            await Expect(page).ToHaveURLAsync(MatterUrl());
            await Expect(page.GetByTestId("matter-reference")).Not.ToHaveTextAsync(first);
            var line = page.Locator("[data-testid=timeline-entry][data-event='Timeline.DuplicateConfirmed']");
            await Expect(line).ToContainTextAsync("确认重复登记");
            await Expect(line).ToContainTextAsync(first);
            await Expect(line).ToContainTextAsync("被执行人已搬离，按法院新掌握的线索另行核查");
            Assert.Equal(2, (await App.MatterIdsOnCaseAsync(fresh.Id)).Count);
        });

    [Fact]
    public Task Should_ask_about_the_open_matter_when_the_judge_refers_from_the_case_page() =>
        OnPageAsync(async page =>
        {
            var fresh = await App.AddCaseAsync();
            await SignInAsync(page, "judge.wang");
            await ReferAsync(page, fresh.CaseNumber);
            await Expect(page).ToHaveURLAsync(MatterUrl());
            var first = await page.GetByTestId("matter-reference").InnerTextAsync();

            // 转办 on the case opens the same form with the respondent chosen; sending it runs the same check.
            await page.GotoAsync($"/cases/{fresh.Id}");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("case-refer").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/matters/new\\?case=.*&respondent={fresh.RespondentId}$"));
            await WaitForCircuitAsync(page);
            await FreshCases.FillWhereaboutsAsync(page);
            await page.GetByTestId("register-submit").ClickAsync();

            var dialog = page.GetByTestId("duplicate-dialog");
            await Expect(dialog.GetByTestId("duplicate-existing-link")).ToHaveTextAsync(first);
            await page.GetByTestId("duplicate-cancel").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            Assert.Single(await App.MatterIdsOnCaseAsync(fresh.Id));
        });

    private static async Task ReferAsync(IPage page, string caseNumber)
    {
        await page.GotoAsync("/matters/new");
        await WaitForCircuitAsync(page);
        await FreshCases.FillReferralAsync(page, caseNumber);
        await page.GetByTestId("register-submit").ClickAsync();
    }

    [GeneratedRegex(@"/matters/\d+$")]
    private static partial Regex MatterUrl();
}
