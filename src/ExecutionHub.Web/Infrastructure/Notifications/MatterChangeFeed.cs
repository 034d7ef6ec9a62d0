using System.Runtime.CompilerServices;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExecutionHub.Web.Infrastructure.Notifications;

/// <summary>The courts and streets whose matters a save changed; <see cref="Everywhere"/> when a change could not be placed.</summary>
public sealed record MatterChange(IReadOnlySet<int> Courts, IReadOnlySet<int> Streets, bool Everywhere)
{
    public bool Touches(int? courtId, int? streetId) =>
        Everywhere || (courtId is { } court && Courts.Contains(court)) || (streetId is { } street && Streets.Contains(street));
}

/// <summary>
/// Tells open dashboards that matters changed, so they re-read their figures at once instead of
/// each page polling the database. In-process, like <see cref="INotificationSignal"/>: the figures
/// live in the database, and several app nodes add a backplane (PostgreSQL LISTEN/NOTIFY) here.
/// </summary>
public interface IMatterChangeFeed
{
    event Action<MatterChange>? Changed;

    void Publish(MatterChange change);
}

public sealed class InProcessMatterChangeFeed : IMatterChangeFeed
{
    public event Action<MatterChange>? Changed;

    public void Publish(MatterChange change) => Changed?.Invoke(change);
}

/// <summary>
/// Publishes a <see cref="MatterChange"/> after every successful save that added or changed a
/// matter or one of its tasks, whichever use case made it (dispatch, finding, feedback, alerts).
/// </summary>
public sealed class MatterChangeInterceptor(IMatterChangeFeed feed) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, MatterChange> pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var courts = new HashSet<int>();
        var streets = new HashSet<int>();
        var everywhere = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Matter matter:
                    courts.Add(matter.CourtId);
                    streets.Add(matter.StreetId);
                    break;
                case VerificationTask task when task.Matter is { } parent:
                    courts.Add(parent.CourtId);
                    streets.Add(parent.StreetId);
                    break;
                case VerificationTask:
                    everywhere = true;
                    break;
            }
        }

        pending.AddOrUpdate(context, new MatterChange(courts, streets, everywhere));
    }

    private void Publish(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var change))
        {
            pending.Remove(context);
            if (change.Everywhere || change.Courts.Count > 0)
            {
                feed.Publish(change);
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }
}
