using System.Globalization;
using System.Security.Claims;
using Bunit;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Components.Shared;

/// <summary>The one way a page follows changes: what it listens for, how soon and how often it re-reads, and that it stops.</summary>
public sealed class LiveRefreshTests : BunitTestBase
{
    private const string Me = "worker-1";
    private const int MyAgency = 7;
    private const int MyStreet = 3;
    private readonly ListenerCountingFeed feed = new();

    public LiveRefreshTests()
    {
        Services.AddSingleton<IMatterChangeFeed>(feed);
        AddAuthorization().SetAuthorized("worker").SetClaims(
            new Claim(ClaimTypes.NameIdentifier, Me),
            new Claim(ScopeClaims.Agency, MyAgency.ToString(CultureInfo.InvariantCulture)),
            new Claim(ScopeClaims.Street, MyStreet.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Should_call_the_page_back_within_two_seconds_of_a_change_to_a_matter_it_shows()
    {
        var calls = new SemaphoreSlim(0);
        Render<LiveRefresh>(p => p.Add(x => x.Matters, [42]).Add(x => x.OnChanged, () => calls.Release()));

        feed.Publish(Change() with { Matters = new HashSet<int> { 42 } });

        Assert.True(await calls.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Should_call_the_page_back_once_more_for_a_burst_of_changes_during_a_re_read()
    {
        var started = new SemaphoreSlim(0);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Render<LiveRefresh>(p => p.Add(x => x.Matters, [42]).Add(x => x.OnChanged, async () =>
        {
            Interlocked.Increment(ref calls);
            started.Release();
            await finish.Task;
        }));

        feed.Publish(Change() with { Matters = new HashSet<int> { 42 } });
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 5; i++)
        {
            feed.Publish(Change() with { Matters = new HashSet<int> { 42 } });
        }

        finish.SetResult();
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(5)));
        // A later change makes a third call; had the burst made more than one more, a fourth would be waiting too.
        feed.Publish(Change() with { Matters = new HashSet<int> { 42 } });
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, started.CurrentCount);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Should_follow_the_matters_groups_own_work_and_scope_it_is_given_and_nothing_else()
    {
        var matters = Render<LiveRefresh>(p => p.Add(x => x.Matters, [42])).Instance;
        var groups = Render<LiveRefresh>(p => p.Add(x => x.Groups, [9])).Instance;
        var mine = Render<LiveRefresh>(p => p.Add(x => x.Mine, true)).Instance;
        var scope = Render<LiveRefresh>(p => p.Add(x => x.InScope, true)).Instance;

        Assert.True(matters.Follows(Change() with { Matters = new HashSet<int> { 41, 42 } }));
        Assert.False(matters.Follows(Change() with { Matters = new HashSet<int> { 41 }, Users = new HashSet<string> { Me } }));
        Assert.True(groups.Follows(Change() with { Groups = new HashSet<int> { 9 } }));
        Assert.False(groups.Follows(Change() with { Groups = new HashSet<int> { 8 } }));
        Assert.True(mine.Follows(Change() with { Users = new HashSet<string> { Me } }));
        Assert.True(mine.Follows(Change() with { Agencies = new HashSet<int> { MyAgency } }));
        Assert.False(mine.Follows(Change() with { Users = new HashSet<string> { "someone-else" }, Agencies = new HashSet<int> { MyAgency + 1 } }));
        Assert.True(scope.Follows(Change(street: MyStreet)));
        Assert.False(scope.Follows(Change(street: MyStreet + 1)));
        Assert.True(scope.Follows(new MatterChange(new HashSet<int>(), new HashSet<int>(), Everywhere: true)));
    }

    [Fact]
    public async Task Should_stop_listening_when_the_page_closes()
    {
        Render<LiveRefresh>(p => p.Add(x => x.Mine, true));
        Assert.Equal(1, feed.Listeners);

        await DisposeComponentsAsync();

        Assert.Equal(0, feed.Listeners);
    }

    private static MatterChange Change(int street = 99) =>
        MatterChange.Of(new HashSet<int> { 1 }, new HashSet<int> { street }, new HashSet<int>(), new HashSet<string>(), new HashSet<int>(), new HashSet<int>());

    /// <summary>The in-process feed, counting who listens.</summary>
    private sealed class ListenerCountingFeed : IMatterChangeFeed
    {
        private Action<MatterChange>? changed;

        public int Listeners => changed?.GetInvocationList().Length ?? 0;

        public long Version { get; private set; }

        public event Action<MatterChange>? Changed
        {
            add => changed += value;
            remove => changed -= value;
        }

        public void Publish(MatterChange change)
        {
            Version++;
            changed?.Invoke(change);
        }
    }
}
