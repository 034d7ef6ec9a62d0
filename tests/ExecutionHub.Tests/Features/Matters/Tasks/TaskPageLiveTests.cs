using System.Security.Claims;
using Bunit;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Findings;
using ExecutionHub.Web.Features.Matters.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters.Tasks;

/// <summary>The grid worker's task page and task list while someone else changes the matter: they follow it without a reload, keep what the worker typed, and show a paused matter's task as paused.</summary>
public sealed class TaskPageLiveTests : LivePageTest
{
    private const string Typed = "邻居说他早出晚归，周末在家。";
    private const string Notes = "textarea[data-testid=finding-notes], [data-testid=finding-notes] textarea";

    private IRenderedComponent<MudBlazor.MudSnackbarProvider> snackbars = default!;

    [Fact]
    public async Task Should_show_the_task_paused_with_the_reason_and_submit_disabled_keeping_what_was_typed_then_refuse_the_first_send_after_it_resumes()
    {
        // A returned finding: the form comes filled in, so it can be sent once the worker has added a note.
        await Scenario.SubmitFindingAsync();
        await Scenario.AsAsync("coord.chen");
        await App.SendAsync(new ReviewFinding(Scenario.TaskId, await Scenario.TaskVersionAsync(), Accept: false, "请补充邻居说法"));
        var page = await OpenTaskPageAsync();
        page.Find(Notes).Change(Typed);

        await ChangeMatterAsync(m => m.Pause("等待法院补充被执行人照片", Now));

        await page.WaitForAssertionAsync(() => Assert.Contains("等待法院补充被执行人照片", page.Find("[data-testid=task-paused]").TextContent, StringComparison.Ordinal), Live);
        Assert.Equal("已暂停", page.Find("[data-testid=task-status]").TextContent.Trim());
        Assert.True(page.Find("[data-testid=finding-submit]").HasAttribute("disabled"));
        Assert.Equal(Typed, TextOf(page.Find(Notes)));

        // Resuming moves the task's deadline (a new task version): the worker is told, the note stays.
        await ChangeMatterAsync(m => m.Resume(Now));

        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-testid=task-paused]")), Live);
        Assert.NotNull(page.Find("[data-testid=stale-notice]"));
        Assert.False(page.Find("[data-testid=finding-submit]").HasAttribute("disabled"));
        Assert.Equal(Typed, TextOf(page.Find(Notes)));

        await page.Find("[data-testid=finding-submit]").ClickAsync(new());
        await snackbars.WaitForAssertionAsync(() => Assert.Contains("已被他人修改", snackbars.Markup, StringComparison.Ordinal), Patience);
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-testid=stale-notice]")), Patience);
        Assert.Equal(VerificationTaskStatus.Returned, await TaskStatusAsync());
        Assert.Equal(Typed, TextOf(page.Find(Notes)));

        await page.Find("[data-testid=finding-submit]").ClickAsync(new());
        await WaitForAsync(async () => await TaskStatusAsync() == VerificationTaskStatus.Submitted);
        await using var db = await App.DbAsync();
        Assert.Equal(Typed, (await db.Tasks.SingleAsync(t => t.Id == Scenario.TaskId)).Finding!.Notes);
    }

    [Fact]
    public async Task Should_follow_its_own_matter_and_not_another()
    {
        var page = await OpenTaskPageAsync();
        var live = page.FindComponent<LiveRefresh>().Instance;

        Assert.True(live.Follows(ChangeOf(Scenario.MatterId)));
        Assert.False(live.Follows(ChangeOf(Scenario.MatterId + 1)));
    }

    [Fact]
    public async Task Should_list_a_task_dispatched_to_the_worker_and_show_it_paused_without_a_reload()
    {
        var second = await WorkflowScenario.ReferAsync(App);
        await second.AcceptAsync();
        var worker = await Scenario.AsAsync("grid.liu");
        AddAuthorization().SetAuthorized("grid.liu").SetRoles(Roles.GridWorker).SetClaims(new Claim(ClaimTypes.NameIdentifier, worker.Id));
        UseApplication(Scope);
        var list = Render<MyTasksPage>();
        var reference = (await Scenario.MatterAsync()).Reference;
        var secondReference = (await second.MatterAsync()).Reference;
        await list.WaitForAssertionAsync(() => Assert.NotNull(list.Find($"[data-testid='my-task-{reference}']")), Patience);
        Assert.Empty(list.FindAll($"[data-testid='my-task-{secondReference}']"));

        await ChangeMatterAsync(second.MatterId, m =>
        {
            m.MarkDispatched(Now);
            m.Tasks.Add(new VerificationTask { AssigneeId = worker.Id, GridId = worker.GridId, AssignedAtUtc = Now, DueAtUtc = Now.AddHours(48) });
        });

        await list.WaitForAssertionAsync(() => Assert.NotNull(list.Find($"[data-testid='my-task-{secondReference}']")), Live);

        await ChangeMatterAsync(Scenario.MatterId, m => m.Pause("等待法院补充材料", Now));

        await list.WaitForAssertionAsync(() => Assert.Contains("等待法院补充材料", list.Find($"[data-testid='my-task-{reference}'] [data-testid=my-task-paused]").TextContent, StringComparison.Ordinal), Live);
        Assert.Equal("已暂停", list.Find($"[data-testid='my-task-{reference}'] [data-testid=my-task-status]").TextContent.Trim());
        Assert.Equal("待核查", list.Find($"[data-testid='my-task-{secondReference}'] [data-testid=my-task-status]").TextContent.Trim());
    }

    private async Task<IRenderedComponent<TaskPage>> OpenTaskPageAsync()
    {
        await Scenario.AsAsync("grid.liu");
        AddAuthorization().SetAuthorized("grid.liu").SetRoles(Roles.GridWorker);
        snackbars = UseApplication(Scope).Snackbars;
        var page = Render<TaskPage>(p => p.Add(x => x.TaskId, Scenario.TaskId));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Notes)), Patience);
        return page;
    }

    private Task ChangeMatterAsync(Action<Matter> change) => ChangeMatterAsync(Scenario.MatterId, change);

    private async Task<VerificationTaskStatus> TaskStatusAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Tasks.Where(t => t.Id == Scenario.TaskId).Select(t => t.Status).SingleAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
