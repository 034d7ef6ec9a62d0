using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Features.Meetings;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Home;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Home;

/// <summary>hr.he's home against the real pipeline: the agency's tasks and, beside them, its joint meetings' action items.</summary>
public sealed class PartnerAgentHomeTests : BunitTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_agent_without_tasks_sees_the_agencys_open_action_items_overdue_first_with_the_way_to_the_board()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var meeting = await scenario.ScheduleAsync();
        var overdue = await scenario.AddActionItemAsync(meeting, scenario.HrId, dueInDays: 1);
        var soon = await scenario.AddActionItemAsync(meeting, scenario.HrId, dueInDays: 5);
        var open = await scenario.AddActionItemAsync(meeting, scenario.HrId, dueInDays: 20);
        var police = await scenario.AddActionItemAsync(meeting, scenario.PoliceId, dueInDays: 1);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await using (var db = await app.DbAsync())
        {
            // Only this test's items: the demo's own (one overdue for the same agency) would blur the counts.
            await db.ActionItems.Where(a => a.Id != overdue && a.Id != soon && a.Id != open && a.Id != police).ExecuteDeleteAsync();
        }

        await app.SignInAsAsync("hr.he");
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var home = Render<PartnerAgentHome>();

        await home.WaitForAssertionAsync(() => Assert.Equal(3, home.FindAll("[data-testid=home-action-item]").Count), Patience);
        Assert.Contains("待办督办事项 3 项", home.Find("[data-testid=home-action-items]").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [nameof(DueState.Overdue), nameof(DueState.DueSoon), nameof(DueState.Due)],
            home.FindAll("[data-testid=home-action-item]").Select(i => i.GetAttribute("data-state")));
        Assert.Contains("已逾期", home.FindAll("[data-testid=home-action-item]")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/meetings/actions", home.Find("[data-testid=home-all-action-items]").GetAttribute("href"));
        await home.WaitForAssertionAsync(() => Assert.Contains("暂无协查任务", home.Find("[data-testid=home-no-tasks]").TextContent, StringComparison.Ordinal), Patience);
    }
}
