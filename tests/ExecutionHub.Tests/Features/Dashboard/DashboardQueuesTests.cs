using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;

namespace ExecutionHub.Tests.Features.Dashboard;

public sealed class DashboardQueuesTests : IAsyncLifetime
{
    private static readonly DateTime Now = TestApp.Start.UtcDateTime;
    private TestApp app = default!;
    private HandBuiltData data = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_list_overdue_and_due_soon_matters_soonest_first_and_leave_paused_ones_out()
    {
        var mine = await data.AddCaseAsync(data.Judge);
        var overdueLong = await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-90), _ => { });
        var overdueShort = await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-73), _ => { });
        var dueSoon = await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-60), _ => { });
        await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-10), _ => { });
        await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-95), m => m.Pause("暂缓", Now.AddHours(-80)));
        data.ActAs(data.Judge, Roles.Judge);

        var queues = await app.SendAsync(new GetDashboardQueues(new DashboardFilter()));

        Assert.Equal([overdueLong.Reference, overdueShort.Reference], queues.Overdue.Rows.Select(r => r.Reference));
        Assert.Equal([dueSoon.Reference], queues.DueSoon.Rows.Select(r => r.Reference));
        Assert.Equal(5, queues.Mine!.Total);
    }

    [Fact]
    public async Task Should_show_a_judge_only_their_own_matters_and_feedback_and_a_coordinator_the_streets()
    {
        var mine = await data.AddCaseAsync(data.Judge);
        var theirs = await data.AddCaseAsync(data.OtherJudge);
        var myFeedback = await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-20), m => HandBuiltData.FeedBack(m, Now.AddHours(-2), MatterOutcome.Found));
        var theirFeedback = await data.AddMatterAsync(theirs, MatterType.DebtorWhereabouts, Now.AddHours(-20), m => HandBuiltData.FeedBack(m, Now.AddHours(-3), MatterOutcome.Found));
        await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-20), m =>
        {
            HandBuiltData.FeedBack(m, Now.AddHours(-4), MatterOutcome.Found);
            m.Acknowledge(Now.AddHours(-1));
        });
        await data.AddMatterAsync(theirs, MatterType.DebtorWhereabouts, Now.AddHours(-5), _ => { });

        data.ActAs(data.Judge, Roles.Judge);
        var judge = await app.SendAsync(new GetDashboardQueues(new DashboardFilter()));
        data.ActAsStreet(Roles.Coordinator, data.Street.Id);
        var coordinator = await app.SendAsync(new GetDashboardQueues(new DashboardFilter()));

        Assert.Equal([myFeedback.Reference], judge.AwaitingJudge.Rows.Select(r => r.Reference));
        Assert.Equal(0, judge.Mine!.Total);
        Assert.Equal([theirFeedback.Reference, myFeedback.Reference], coordinator.AwaitingJudge.Rows.Select(r => r.Reference));
        Assert.Null(coordinator.Mine);
    }

    [Fact]
    public async Task Should_refuse_the_queues_to_a_grid_worker()
    {
        app.User.Current = new ExecutionHub.Web.Infrastructure.Auth.UserContext("w", "网格员", new HashSet<string> { Roles.GridWorker }, GridId: 1);

        await Assert.ThrowsAsync<ExecutionHub.Web.Infrastructure.Mediator.RequestRefusedException>(() => app.SendAsync(new GetDashboardQueues(new DashboardFilter())));
    }
}
