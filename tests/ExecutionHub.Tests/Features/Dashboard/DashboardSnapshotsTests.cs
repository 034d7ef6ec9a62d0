using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ExecutionHub.Tests.Features.Dashboard;

/// <summary>One evaluation per key and change, shared by every dashboard that asks, and never handed to another scope.</summary>
public sealed class DashboardSnapshotsTests : IAsyncLifetime
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
    public async Task Should_read_the_database_once_for_twenty_dashboards_of_one_court_and_filter_after_a_change()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Now.AddHours(-5), _ => { });
        data.ActAs(data.Judge, Roles.Judge);
        var filter = new DashboardFilter(DashboardPeriod.SinceOpened);
        using var commands = DatabaseCommandCounter.For(app.DatabasePath);

        var before = commands.Count;
        await app.SendAsync(new GetHeadlineFigures(filter));
        var oneDashboard = commands.Count - before;

        // The change reaches twenty open dashboards at once: each sends its query.
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Now.AddHours(-4), _ => { });
        before = commands.Count;
        var figures = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.SendAsync(new GetHeadlineFigures(filter))));

        Assert.True(oneDashboard > 0);
        Assert.Equal(oneDashboard, commands.Count - before);
        Assert.All(figures, f => Assert.Same(figures[0], f));
        Assert.Equal(2, figures[0].Open);
    }

    [Fact]
    public async Task Should_evaluate_each_scope_apart_and_never_give_one_scope_the_figures_of_another()
    {
        var mine = await data.AddCaseAsync(data.Judge);
        var theirs = await data.AddCaseAsync(data.OtherJudge);
        await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-5), _ => { });
        await data.AddMatterAsync(mine, MatterType.DebtorWhereabouts, Now.AddHours(-5), _ => { });
        await data.AddMatterAsync(theirs, MatterType.DebtorWhereabouts, Now.AddHours(-5), _ => { });
        var snapshots = app.Services.GetRequiredService<DashboardSnapshots>();
        var filter = new DashboardFilter();
        var evaluations = snapshots.Evaluations;

        data.ActAs(data.Judge, Roles.Judge);
        var court = await app.SendAsync(new GetHeadlineFigures(filter));
        var judgeQueues = await app.SendAsync(new GetDashboardQueues(filter));
        data.ActAs(data.OtherJudge, Roles.Judge);
        var sameCourt = await app.SendAsync(new GetHeadlineFigures(filter));
        var otherJudgeQueues = await app.SendAsync(new GetDashboardQueues(filter));
        data.ActAsStreet(Roles.Coordinator, data.Street.Id + 1000);
        var emptyStreet = await app.SendAsync(new GetHeadlineFigures(filter));
        var emptyStreetQueues = await app.SendAsync(new GetDashboardQueues(filter));

        // Two judges of one court share the court's figures, but each has their own lists.
        Assert.Same(court, sameCourt);
        Assert.Equal(3, court.Open);
        Assert.Equal(2, judgeQueues.Mine!.Total);
        Assert.Equal(1, otherJudgeQueues.Mine!.Total);
        // A street with no matters gets its own, empty figures, not the court's.
        Assert.Equal(0, emptyStreet.Open);
        Assert.Null(emptyStreetQueues.Mine);
        Assert.Equal(0, emptyStreetQueues.DueSoon.Total + emptyStreetQueues.Overdue.Total + emptyStreetQueues.AwaitingJudge.Total);
        // Figures: court, street; queues: each judge, street.
        Assert.Equal(5, snapshots.Evaluations - evaluations);
    }

    [Fact]
    public async Task Should_read_again_after_a_change_and_once_the_live_counts_may_have_moved_with_the_clock()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Now.AddHours(-5), _ => { });
        data.ActAs(data.Judge, Roles.Judge);
        var filter = new DashboardFilter();
        var first = await app.SendAsync(new GetHeadlineFigures(filter));
        Assert.Same(first, await app.SendAsync(new GetHeadlineFigures(filter)));

        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Now.AddHours(-5), _ => { });
        var afterChange = await app.SendAsync(new GetHeadlineFigures(filter));
        app.Clock.Advance(DashboardSnapshots.ReuseFor);
        var later = await app.SendAsync(new GetHeadlineFigures(filter));

        Assert.Equal(1, first.Open);
        Assert.Equal(2, afterChange.Open);
        Assert.NotSame(afterChange, later);
    }

    [Fact]
    public async Task Should_have_everyone_asking_during_an_evaluation_await_that_one()
    {
        var (snapshots, feed, _) = Unit();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;

        var waiting = Enumerable.Range(0, 10).Select(_ => snapshots.GetAsync("key", _ =>
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        }, CancellationToken.None)).ToList();
        release.SetResult("figures");

        Assert.All(await Task.WhenAll(waiting), r => Assert.Equal("figures", r));
        Assert.Equal(1, calls);
        Assert.Equal(0, feed.Version);
    }

    [Fact]
    public async Task Should_not_hand_a_failed_evaluation_to_whoever_asks_next()
    {
        var (snapshots, _, _) = Unit();

        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.GetAsync<string, string>("key", _ => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal("figures", await snapshots.GetAsync("key", _ => Task.FromResult("figures"), CancellationToken.None));
    }

    [Fact]
    public async Task Should_keep_at_most_its_capacity_of_keys_and_drop_those_nobody_asked_for_since_they_went_stale()
    {
        var (snapshots, _, clock) = Unit();

        for (var i = 0; i < DashboardSnapshots.Capacity + 50; i++)
        {
            await snapshots.GetAsync(i, _ => Task.FromResult("figures"), CancellationToken.None);
        }

        Assert.Equal(DashboardSnapshots.Capacity, snapshots.Count);
        clock.Advance(DashboardSnapshots.ReuseFor);
        await snapshots.GetAsync(-1, _ => Task.FromResult("figures"), CancellationToken.None);
        Assert.Equal(1, snapshots.Count);
    }

    private static (DashboardSnapshots Snapshots, InProcessMatterChangeFeed Feed, FakeTimeProvider Clock) Unit()
    {
        var feed = new InProcessMatterChangeFeed(NullLogger<InProcessMatterChangeFeed>.Instance);
        var clock = new FakeTimeProvider(TestApp.Start);
        return (new DashboardSnapshots(feed, clock, NullLogger<DashboardSnapshots>.Instance), feed, clock);
    }
}
