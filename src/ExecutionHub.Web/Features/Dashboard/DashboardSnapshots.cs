using ExecutionHub.Web.Infrastructure.Notifications;

namespace ExecutionHub.Web.Features.Dashboard;

/// <summary>
/// One evaluation of a dashboard read per key and change, shared by every circuit that asks for it:
/// when a change reaches a hundred open dashboards of one court, they all ask at once, the first
/// starts the database reads and the others await that same task (single flight), so the database
/// sees one evaluation per distinct key instead of one per tab, and the tabs hold the same
/// (immutable) result instead of a copy each.
/// <para>
/// The key is built by the handler after the pipeline let the request through, from the scope it
/// resolved for the sender (a judge's court, a coordinator's street, the judge for a judge's own
/// queues), the filter and the day, so a result is only ever handed to someone who would have
/// computed exactly the same one. Nothing user-specific may be in a result that is not in its key.
/// </para>
/// <para>
/// A result is reused while the change feed's <see cref="IMatterChangeFeed.Version"/> stays where it
/// was when its evaluation started and for at most <see cref="ReuseFor"/> (the live counts, overdue
/// and due soon, move with the clock even when nothing is saved). At most <see cref="Capacity"/> keys
/// are kept; a key nobody asked for since its result went stale is dropped.
/// </para>
/// </summary>
public sealed class DashboardSnapshots(IMatterChangeFeed feed, TimeProvider clock, ILogger<DashboardSnapshots> logger)
{
    /// <summary>Long enough to cover the spread of one burst of tabs re-reading, short enough that a live count is never noticeably old.</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(10);

    /// <summary>Distinct (read, scope, filter, day) keys kept at once; a dashboard result is a few KiB.</summary>
    public const int Capacity = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<object, Entry> entries = [];
    private long evaluations;

    /// <summary>Evaluations started since the app started (the database work done for dashboards).</summary>
    public long Evaluations => Interlocked.Read(ref evaluations);

    /// <summary>Keys held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>
    /// The result for <paramref name="key"/> as of the latest change: the one being evaluated or
    /// evaluated since that change, else a new evaluation. <paramref name="evaluate"/> runs without the
    /// caller's cancellation (others may be waiting for it); the caller stops waiting when cancelled.
    /// </summary>
    /// <param name="key">A record (value equality) naming the read and everything its result depends on.</param>
    public async Task<T> GetAsync<TKey, T>(TKey key, Func<CancellationToken, Task<T>> evaluate, CancellationToken cancellationToken)
        where TKey : notnull
        where T : class
    {
        // Read before the evaluation starts: a change published after this point moves the version, and
        // whoever asks after it gets an evaluation that started after it.
        var version = feed.Version;
        var now = clock.GetTimestamp();
        Task<object> shared;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var entry) && entry.Version == version && entry.Fresh(clock, now) && !entry.Task.IsFaulted && !entry.Task.IsCanceled)
            {
                shared = entry.Task;
            }
            else
            {
                Sweep(now);
                shared = Start(key, evaluate);
                entries[key] = new Entry(version, now, shared);
            }
        }

        return (T)await shared.WaitAsync(cancellationToken);
    }

    private Task<object> Start<TKey, T>(TKey key, Func<CancellationToken, Task<T>> evaluate)
        where TKey : notnull
        where T : class
    {
        Interlocked.Increment(ref evaluations);
        var started = clock.GetTimestamp();
        var task = Task.Run(async () =>
        {
            var result = await evaluate(CancellationToken.None);
            logger.LogInformation("Dashboard evaluation {Read} took {Elapsed} ms", typeof(TKey).DeclaringType?.Name ?? typeof(TKey).Name, clock.GetElapsedTime(started).TotalMilliseconds);
            return (object)result;
        });
        _ = task.ContinueWith(
            failed =>
            {
                // A failure is handed to those waiting for it, never to whoever asks next.
                lock (gate)
                {
                    if (entries.TryGetValue(key, out var entry) && entry.Task == failed)
                    {
                        entries.Remove(key);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    /// <summary>Drops results too old to be handed out again, then, past <see cref="Capacity"/>, the oldest.</summary>
    private void Sweep(long now)
    {
        foreach (var (key, entry) in entries.Where(e => e.Value.Task.IsCompleted && !e.Value.Fresh(clock, now)).ToList())
        {
            entries.Remove(key);
        }

        if (entries.Count >= Capacity)
        {
            foreach (var (key, _) in entries.OrderBy(e => e.Value.Started).Take(entries.Count - Capacity + 1).ToList())
            {
                entries.Remove(key);
            }
        }
    }

    private sealed record Entry(long Version, long Started, Task<object> Task)
    {
        public bool Fresh(TimeProvider clock, long now) => clock.GetElapsedTime(Started, now) < ReuseFor;
    }
}
