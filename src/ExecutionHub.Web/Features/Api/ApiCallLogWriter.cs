using System.Threading.Channels;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// Writes the API call log off the request path: the middleware hands each answered call to
/// <see cref="Enqueue"/> and returns; this background writer saves what has queued up, in batches of up
/// to <see cref="BatchSize"/> rows with one save each, through a context of its own. A call's answer
/// therefore never waits for the database's write lock (a long import holds it for seconds). When
/// the queue is full the newest calls are dropped and counted in the log: a slow disk must not
/// turn into unbounded memory. Stopping the host writes out what is queued.
/// </summary>
public sealed class ApiCallLogWriter(IDbContextFactory<AppDbContext> dbFactory, ILogger<ApiCallLogWriter> logger) : BackgroundService
{
    public const int BatchSize = 200;
    public const int Capacity = 10_000;

    private readonly Channel<ApiCall> queue = Channel.CreateBounded<ApiCall>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> flushes = [];
    private long queued;
    private long handled;
    private long dropped;

    /// <summary>Queues one answered call; never waits.</summary>
    public void Enqueue(ApiCall call)
    {
        lock (gate)
        {
            if (queue.Writer.TryWrite(call))
            {
                queued++;
                return;
            }
        }

        if (Interlocked.Increment(ref dropped) % 1000 == 1)
        {
            logger.LogWarning("API call log queue full: {Dropped} calls not logged so far", Interlocked.Read(ref dropped));
        }
    }

    /// <summary>Completes once every call queued before it has been written (or given up on): for tests and shutdown.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (handled >= queued)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            flushes.Add((queued, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    // Reads without the stopping token: stopping completes the queue instead, so what is queued is still written.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ApiCall>(BatchSize);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && queue.Reader.TryRead(out var call))
            {
                batch.Add(call);
            }

            await WriteAsync(batch);
            lock (gate)
            {
                handled += batch.Count;
                flushes.RemoveAll(f =>
                {
                    if (f.Target > handled)
                    {
                        return false;
                    }

                    f.Done.TrySetResult();
                    return true;
                });
            }

            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<ApiCall> batch)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.ApiCalls.AddRange(batch);
            await db.SaveChangesAsync(CancellationToken.None);
            foreach (var client in batch.Where(c => c.ApiClientId is not null).GroupBy(c => c.ApiClientId))
            {
                var last = client.Max(c => c.AtUtc);
                await db.ApiClients.Where(c => c.Id == client.Key && (c.LastUsedAtUtc == null || c.LastUsedAtUtc < last))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAtUtc, last), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The log must never take the app down; the calls themselves were answered.
            logger.LogError(ex, "Could not write {Count} API call log rows", batch.Count);
        }
    }
}
