using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// Two people in two browsers on the same matter: what one does shows on the other's open page
/// without a reload, within the two seconds users were promised.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class LivePagesTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>Two seconds promised, plus one for a shared test machine's own rendering; started once the other person's save has landed.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 3_000 };

    [Fact]
    public Task Should_offer_the_coordinator_the_accept_button_once_the_worker_submits_a_finding() =>
        OnPageAsync(async coordinator =>
        {
            var (matterId, _, taskId) = await App.AddDispatchedMatterAsync("ZX-LIVE-A");
            await OpenAsync(coordinator, "coord.chen", $"/matters/{matterId}");
            await Expect(coordinator.GetByTestId("task-status")).ToHaveTextAsync("待核查");
            await Expect(coordinator.GetByTestId("task-accept")).ToHaveCountAsync(0);

            await OnPageAsync(async worker =>
            {
                await OpenAsync(worker, "grid.liu", $"/tasks/{taskId}");
                await worker.GetByTestId("finding-found-yes").ClickAsync();
                await worker.GetByTestId("finding-address").FillAsync("上海市杨浦区河间路200弄3号201室");
                await worker.GetByTestId("finding-notes").FillAsync("邻居证实其近三个月居住于此。");
                await worker.GetByTestId("finding-submit").ClickAsync();
                await Expect(worker).ToHaveURLAsync(TasksUrl());

                await Expect(coordinator.GetByTestId("task-accept")).ToBeVisibleAsync(Live);
                await Expect(coordinator.GetByTestId("task-status")).ToHaveTextAsync("待审核");
            });
        });

    [Fact]
    public Task Should_offer_the_judge_the_acknowledge_button_once_the_coordinator_feeds_back() =>
        OnPageAsync(async judge =>
        {
            var (matterId, _) = await App.AddMatterReadyForFeedbackAsync("ZX-LIVE-B");
            await OpenAsync(judge, "judge.wang", $"/matters/{matterId}");
            await Expect(judge.GetByTestId("matter-status")).ToHaveTextAsync("已分派");
            await Expect(judge.GetByTestId("action-acknowledge")).ToHaveCountAsync(0);

            await OnPageAsync(async coordinator =>
            {
                await OpenAsync(coordinator, "coord.chen", $"/matters/{matterId}");
                await Expect(coordinator.GetByTestId("feedback-text")).ToHaveValueAsync(new Regex("平凉路100号"));
                await coordinator.GetByTestId("action-feedback").ClickAsync();
                await coordinator.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "反馈法院" }).ClickAsync();
                await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已反馈");

                await Expect(judge.GetByTestId("action-acknowledge")).ToBeVisibleAsync(Live);
                await Expect(judge.GetByTestId("matter-status")).ToHaveTextAsync("已反馈");
                await Expect(judge.GetByTestId("matter-feedback")).ToContainTextAsync("平凉路100号");
            });
        });

    [Fact]
    public Task Should_add_a_task_to_the_workers_open_list_once_the_coordinator_dispatches_it() =>
        OnPageAsync(async worker =>
        {
            var (matterId, reference) = await App.AddRegisteredMatterAsync("ZX-LIVE-C");
            await OpenAsync(worker, "grid.liu", "/tasks");
            await Expect(worker.GetByTestId("tasks-title")).ToBeVisibleAsync();
            await Expect(worker.GetByTestId($"my-task-{reference}")).ToHaveCountAsync(0);

            await OnPageAsync(async coordinator =>
            {
                await OpenAsync(coordinator, "coord.chen", $"/matters/{matterId}");
                await coordinator.GetByTestId("action-dispatch").ClickAsync();
                await coordinator.GetByTestId("dispatch-candidate-刘建国").ClickAsync();
                await coordinator.GetByTestId("dispatch-confirm").ClickAsync();
                await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已分派");

                await Expect(worker.GetByTestId($"my-task-{reference}")).ToBeVisibleAsync(Live);
                await Expect(worker.GetByTestId($"my-task-{reference}").GetByTestId("my-task-status")).ToHaveTextAsync("待核查");
            });
        });

    [Fact]
    public Task Should_show_the_worker_the_task_paused_with_the_reason_and_submit_disabled_keeping_the_typed_note() =>
        OnPageAsync(async worker =>
        {
            const string note = "上午走访未遇，下午再去。";
            var (matterId, _, taskId) = await App.AddDispatchedMatterAsync("ZX-LIVE-D");
            await OpenAsync(worker, "grid.liu", $"/tasks/{taskId}");
            await worker.GetByTestId("finding-notes").FillAsync(note);
            await Expect(worker.GetByTestId("finding-submit")).ToBeEnabledAsync();

            await OnPageAsync(async coordinator =>
            {
                await OpenAsync(coordinator, "coord.chen", $"/matters/{matterId}");
                await coordinator.GetByTestId("action-pause").ClickAsync();
                await coordinator.GetByTestId("reason-text").FillAsync("等待法院补充被执行人照片");
                await coordinator.GetByTestId("reason-confirm").ClickAsync();
                await Expect(coordinator.GetByTestId("action-resume")).ToBeVisibleAsync();

                await Expect(worker.GetByTestId("task-paused")).ToBeVisibleAsync(Live);
                await Expect(worker.GetByTestId("task-paused")).ToContainTextAsync("等待法院补充被执行人照片");
                await Expect(worker.GetByTestId("task-status")).ToHaveTextAsync("已暂停");
                await Expect(worker.GetByTestId("finding-submit")).ToBeDisabledAsync();
                await Expect(worker.GetByTestId("finding-notes")).ToHaveValueAsync(note);
            });
        });

    private static async Task OpenAsync(IPage page, string userName, string path)
    {
        await SignInAsync(page, userName);
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    [GeneratedRegex("/tasks$")]
    private static partial Regex TasksUrl();
}
