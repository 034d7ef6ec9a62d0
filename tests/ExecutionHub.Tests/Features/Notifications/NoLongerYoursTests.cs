using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Features.Groups;
using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Groups;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Notifications;

/// <summary>
/// A notification keeps its link after the work has moved on: opened by someone who can no longer see
/// the task or matter, the page says so plainly and offers the way back, instead of an error.
/// </summary>
public sealed class NoLongerYoursTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;

    async Task IAsyncLifetime.InitializeAsync() => app = await TestApp.CreateAsync(demoData: true);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_tell_a_grid_worker_whose_group_task_another_member_claimed_that_it_is_no_longer_theirs()
    {
        var groups = await GroupScenario.CreateAsync(app);
        var workflow = await groups.GroupTaskAsync();
        var (_, link) = await app.BellAsync("grid.liu", "Notification.HandOff.TaskDispatched");
        await app.SignInAsAsync(groups.SecondMember);
        await app.SendAsync(new ClaimGroupTask(workflow.TaskId, await workflow.TaskVersionAsync()));

        await app.SignInAsAsync("grid.liu");
        AddAuthorization().SetAuthorized("grid.liu").SetRoles(Roles.GridWorker);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, snackbars) = UseApplication(scope);
        var page = Render<TaskPage>(p => p.Add(x => x.TaskId, workflow.TaskId));

        Assert.Equal($"/tasks/{workflow.TaskId}", link);
        await page.WaitForAssertionAsync(() => Assert.Contains("这项任务已不在您名下", page.Find("[data-testid=no-longer-yours]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("/tasks", page.Find("[data-testid=no-longer-yours-back]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=finding-submit]"));
        Assert.Empty(snackbars.FindAll(".mud-snackbar"));
    }

    [Fact]
    public async Task Should_tell_a_coordinator_whose_street_changed_that_the_matter_is_no_longer_in_their_scope()
    {
        var scenario = await WorkflowScenario.ReferAsync(app);
        var (_, link) = await app.BellAsync("coord.chen", "Notification.HandOff.NewReferral");
        await MoveToOtherStreetAsync("coord.chen");

        await app.SignInAsAsync("coord.chen");
        AddAuthorization().SetAuthorized("coord.chen").SetRoles(Roles.Coordinator);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, snackbars) = UseApplication(scope);
        var page = Render<MatterPage>(p => p.Add(x => x.Id, scenario.MatterId));

        Assert.Equal($"/matters/{scenario.MatterId}", link);
        await page.WaitForAssertionAsync(() => Assert.Contains("已不在您的职责范围内", page.Find("[data-testid=no-longer-yours]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("/matters", page.Find("[data-testid=no-longer-yours-back]").GetAttribute("href"));
        Assert.Empty(snackbars.FindAll(".mud-snackbar"));
    }

    /// <summary>An administrator moves the user to 定海路街道, as a change of post would.</summary>
    private async Task MoveToOtherStreetAsync(string userName)
    {
        await using var db = await app.DbAsync();
        var user = db.Users.Single(u => u.UserName == userName);
        user.StreetId = db.Streets.Single(s => s.Name == "定海路街道").Id;
        await db.SaveChangesAsync();
    }
}
