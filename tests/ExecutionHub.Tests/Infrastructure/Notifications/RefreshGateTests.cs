using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ExecutionHub.Tests.Infrastructure.Notifications;

/// <summary>A page re-reads at once for a lone change, once more for a burst that came while it read, and no more.</summary>
public sealed class RefreshGateTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_re_read_at_once_for_a_lone_change_without_waiting_for_any_time_to_pass()
    {
        // The clock never moves: a debounce that waited on it would never let the re-read start.
        var clock = new FakeTimeProvider(TestApp.Start);
        var read = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new RefreshGate(() =>
        {
            read.TrySetResult(clock.GetUtcNow());
            return Task.CompletedTask;
        });

        gate.Request();

        Assert.Equal(TestApp.Start, await read.Task.WaitAsync(Guard));
    }

    [Fact]
    public async Task Should_re_read_once_more_after_a_burst_of_changes_during_a_re_read_and_then_stop()
    {
        var started = new SemaphoreSlim(0);
        var finishFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var gate = new RefreshGate(async () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                started.Release();
                await finishFirst.Task;
            }
        });

        gate.Request();
        Assert.True(await started.WaitAsync(Guard));
        for (var i = 0; i < 25; i++)
        {
            gate.Request();
        }

        finishFirst.SetResult();

        Assert.True(SpinWait.SpinUntil(() => !gate.Running, Guard));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Should_re_read_again_for_the_next_change_after_a_re_read_failed()
    {
        var calls = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new RefreshGate(() =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("the page failed to read");
            }

            second.TrySetResult();
            return Task.CompletedTask;
        });

        gate.Request();
        Assert.True(SpinWait.SpinUntil(() => !gate.Running, Guard));
        gate.Request();

        await second.Task.WaitAsync(Guard);
        Assert.Equal(2, calls);
    }
}
