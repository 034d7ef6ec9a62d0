using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters.Tasks;

/// <summary>Dispatching verification tasks: to whom a coordinator may send one, the candidates offered, several matters at once.</summary>
public sealed class DispatchTests
{
    [Fact]
    public async Task A_task_cannot_be_sent_to_a_worker_of_another_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await using var db = await app.DbAsync();
        var otherStreetWorker = await db.Users.Where(u => u.GridId != null && u.Grid!.Community!.Street!.Name == "定海路街道").Select(u => u.UserName!).FirstAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => scenario.DispatchToAsync(otherStreetWorker));

        Assert.Equal("Rule.Task.AssigneeNotInStreet", refused.MessageKey);
        Assert.Empty((await scenario.MatterAsync()).Tasks);
    }

    [Fact]
    public async Task Dispatch_options_put_the_targets_own_community_first_with_open_task_counts()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        await scenario.AsAsync("coord.chen");
        var before = await app.SendAsync(new GetDispatchOptions(scenario.MatterId));

        await scenario.DispatchToAsync("grid.liu");
        await scenario.AsAsync("coord.chen");
        var after = await app.SendAsync(new GetDispatchOptions(scenario.MatterId));

        Assert.True(after.Candidates[0].Suggested);
        Assert.Equal(before.Candidates.Single(c => c.Name == "刘建国").OpenTasks + 1, after.Candidates.Single(c => c.Name == "刘建国").OpenTasks);
        Assert.Contains(after.Candidates, c => c.AgencyId is not null);
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(48), after.DefaultDueAtUtc);
    }

    [Fact]
    public async Task Bulk_dispatch_sends_several_matters_to_one_worker()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var first = await WorkflowScenario.ReferAsync(app);
        var second = await WorkflowScenario.ReferAsync(app, MatterType.HouseholdSurvey);
        var worker = await first.AsAsync("grid.liu");
        await first.AsAsync("coord.chen");

        var sent = await app.SendAsync(new BulkDispatch([first.MatterId, second.MatterId], worker.Id, "一并走访"));

        Assert.Equal(2, sent);
        Assert.Equal(MatterStatus.Dispatched, (await first.MatterAsync()).Status);
        Assert.Single((await second.MatterAsync()).Tasks);
    }
}
