using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Findings;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Matters.Tasks;

/// <summary>A task dispatched to a partner agency (here the police station): its agents answer it; other agencies never see it.</summary>
public sealed class PartnerAgentTaskTests : IAsyncLifetime
{
    private TestApp app = default!;
    private WorkflowScenario scenario = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        scenario = await WorkflowScenario.ReferAsync(app);
        await scenario.AcceptAsync();
        int police;
        await using (var db = await app.DbAsync())
        {
            police = await db.Users.Where(u => u.UserName == "police.xu").Select(u => u.PartnerAgencyId!.Value).SingleAsync();
        }

        await scenario.AsAsync("coord.chen");
        var options = await app.SendAsync(new GetDispatchOptions(scenario.MatterId));
        await app.SendAsync(new DispatchMatter(scenario.MatterId, options.Version,
            [new TaskAssignment { PartnerAgencyId = police, DueAtUtc = options.DefaultDueAtUtc, Instructions = "请协助核查被执行人暂住登记。" }]));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_show_an_agencys_task_only_to_its_agents_and_let_them_record_the_finding()
    {
        var taskId = (await scenario.MatterAsync()).Tasks.Single().Id;

        await scenario.AsAsync("hr.he");
        var otherAgency = await app.SendAsync(new ListMyTasks());
        var version = (await scenario.MatterAsync()).Tasks.Single().Version;
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(Finding(taskId, version)));
        await scenario.AsAsync("police.xu");
        var ownAgency = await app.SendAsync(new ListMyTasks());
        await app.SendAsync(Finding(taskId, version));

        Assert.DoesNotContain(otherAgency, t => t.TaskId == taskId);
        Assert.Contains(ownAgency, t => t.TaskId == taskId);
        var task = (await scenario.MatterAsync()).Tasks.Single();
        Assert.Equal(VerificationTaskStatus.Submitted, task.Status);
        Assert.Equal("派出所暂住登记显示其居住于河间路200弄。", task.Finding!.Notes);
    }

    private SubmitFinding Finding(int taskId, int version) => new()
    {
        TaskId = taskId,
        Version = version,
        MatterType = MatterType.DebtorWhereabouts,
        Finding = new Finding
        {
            VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1),
            PersonFound = true,
            CurrentAddress = "上海市杨浦区河间路200弄",
            Notes = "派出所暂住登记显示其居住于河间路200弄。",
        },
    };
}
