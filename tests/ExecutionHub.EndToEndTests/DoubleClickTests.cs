using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// One save per click, with a real double-click (two clicks the browser sends as fast as a hand does) on the buttons
/// the issue names: the judge's 转办工作站, the dispatch dialog's 分派, the grid worker's 提交核查结果 and 反馈法院.
/// Each test waits until the page shows the first save, then counts what was saved in the database.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class DoubleClickTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Should_refer_one_matter_when_the_judge_double_clicks_refer() =>
        OnPageAsync(async page =>
        {
            var fresh = await App.AddCaseAsync();
            await SignInAsync(page, "judge.wang");
            await page.GotoAsync("/matters/new");
            await WaitForCircuitAsync(page);
            await FreshCases.FillReferralAsync(page, fresh.CaseNumber);

            await page.GetByTestId("register-submit").DblClickAsync();

            await Expect(page).ToHaveURLAsync(MatterUrl());
            await Expect(page.GetByTestId("matter-status")).ToHaveTextAsync("已接收");
            // Unguarded, the second click's registration would have been refused by the server's duplicate check (a
            // warning beside the first's confirmation) or asked about (a dialog); one matter alone does not show the guard.
            await Expect(page.Locator(".mud-snackbar")).ToHaveTextAsync("事项已登记。");
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            var matters = await App.MatterIdsOnCaseAsync(fresh.Id);
            Assert.Single(matters);
            Assert.Equal(1, await App.TimelineCountAsync(matters[0], "Timeline.MatterReceived"));
        });

    [Fact]
    public Task Should_dispatch_once_when_the_coordinator_double_clicks_dispatch() =>
        OnPageAsync(async page =>
        {
            var matter = await App.AddRegisteredMatterAsync("DBL-D");
            await SignInAsync(page, "coord.chen");
            await page.GotoAsync($"/matters/{matter.Id}");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("action-dispatch").ClickAsync();
            await page.GetByTestId("dispatch-candidate-刘建国").ClickAsync();

            await page.GetByTestId("dispatch-confirm").DblClickAsync();

            await Expect(page.GetByTestId("matter-status")).ToHaveTextAsync("已分派");
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            // Unguarded, the second click would send the version the dialog opened with again: refused as stale (a warning).
            await Expect(page.Locator(".mud-snackbar")).ToHaveTextAsync("已分派。");
            Assert.Equal(1, await App.TimelineCountAsync(matter.Id, "Timeline.TaskDispatched"));
            await Expect(page.GetByTestId("task-status")).ToHaveCountAsync(1);
        });

    [Fact]
    public Task Should_submit_one_finding_when_the_grid_worker_double_clicks_submit() =>
        OnPageAsync(
            async page =>
            {
                var matter = await App.AddDispatchedMatterAsync("DBL-S");
                await SignInAsync(page, "grid.liu");
                await page.GotoAsync($"/tasks/{matter.TaskId}");
                await WaitForCircuitAsync(page);
                await page.GetByTestId("finding-found-yes").ClickAsync();
                await page.GetByTestId("finding-address").FillAsync("上海市杨浦区河间路200弄3号201室");
                await page.GetByTestId("finding-notes").FillAsync("邻居证实其近三个月居住于此。");

                await page.GetByTestId("finding-submit").DblClickAsync();

                await Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
                // Unguarded, the second click's finding would be refused (the task is no longer waiting): a warning beside this.
                await Expect(page.Locator(".mud-snackbar")).ToHaveTextAsync("核查结果已提交。");
                Assert.Equal(1, await App.TimelineCountAsync(matter.Id, "Timeline.FindingSubmitted"));
            },
            new ViewportSize { Width = 390, Height = 844 });

    [Fact]
    public Task Should_feed_back_once_when_the_coordinator_double_clicks_feed_back() =>
        OnPageAsync(async page =>
        {
            var matter = await App.AddMatterReadyForFeedbackAsync("DBL");
            await SignInAsync(page, "coord.chen");
            await page.GotoAsync($"/matters/{matter.Id}");
            await WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("feedback-text")).ToHaveValueAsync(new Regex("平凉路100号"));

            await page.GetByTestId("action-feedback").DblClickAsync();

            // One confirmation, not one per click.
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(1);
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "反馈法院" }).ClickAsync();
            await Expect(page.GetByTestId("matter-status")).ToHaveTextAsync("已反馈");
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            Assert.Equal(1, await App.TimelineCountAsync(matter.Id, "Timeline.MatterFedBack"));
        });

    [GeneratedRegex(@"/matters/\d+$")]
    private static partial Regex MatterUrl();
}
