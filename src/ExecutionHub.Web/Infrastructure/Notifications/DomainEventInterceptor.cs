using System.Data.Common;
using System.Runtime.CompilerServices;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExecutionHub.Web.Infrastructure.Notifications;

/// <summary>An event an entity recorded, as the save found it.</summary>
/// <param name="Source">The entity that recorded it, e.g. a <see cref="Matter"/> or a <see cref="VerificationTask"/>.</param>
/// <param name="IsNew">The save inserts the entity: it has no id yet.</param>
/// <param name="Version">The entity's version before this save (its concurrency token), null when new or unversioned: one change, one version.</param>
public sealed record RecordedEvent(IHasDomainEvents Source, IDomainEvent Event, bool IsNew, int? Version);

/// <summary>
/// Turns recorded domain events into what follows them (notifications, outbox messages), added to
/// the same context so they are saved in the same transaction as the change. Implemented by the
/// features that own the rules of who is told; registered from Startup.
/// </summary>
public interface IDomainEventHandler
{
    /// <returns>The users whose notifications changed, signalled once the save has committed.</returns>
    Task<IReadOnlyCollection<string>> HandleAsync(AppDbContext db, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// The one place where what the domain recorded becomes notifications: before a save it takes the
/// events of every tracked entity and hands them to the <see cref="IDomainEventHandler"/>s, whose
/// rows join the save; after the save has committed it rings the bells of the users concerned.
/// A context that <see cref="AppDbContext.SavesHistory"/> drops the events instead.
/// </summary>
/// <remarks>
/// The handlers are resolved at the first save, not when the interceptor is built: they queue SMS
/// through the outbox, whose webhook channel needs the context factory this interceptor is part of.
/// </remarks>
public sealed class DomainEventInterceptor(IServiceProvider services, INotificationSignal signal)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly Lazy<IDomainEventHandler[]> handlers = new(() => [.. services.GetServices<IDomainEventHandler>()]);

    /// <summary>Users to signal once the context's save succeeds.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> saving = new();

    /// <summary>Users to signal once the context's explicit transaction commits (a save inside it is not yet visible to others).</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> committing = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await DispatchAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        DispatchAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saving);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, committing);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, committing);
        return Task.CompletedTask;
    }

    private async Task DispatchAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var events = new List<RecordedEvent>();
        foreach (var entry in db.ChangeTracker.Entries<IHasDomainEvents>().ToList())
        {
            var taken = entry.Entity.TakeEvents();
            if (taken.Count == 0 || db.SavesHistory)
            {
                continue;
            }

            var isNew = entry.State == EntityState.Added;
            var version = !isNew && entry.Metadata.FindProperty("Version") is { IsConcurrencyToken: true }
                ? (int?)entry.Property("Version").OriginalValue
                : null;
            events.AddRange(taken.Select(e => new RecordedEvent(entry.Entity, e, isNew, version)));
        }

        if (events.Count == 0)
        {
            return;
        }

        var users = saving.GetOrCreateValue(db);
        foreach (var handler in handlers.Value)
        {
            users.UnionWith(await handler.HandleAsync(db, events, cancellationToken));
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !saving.TryGetValue(context, out var users))
        {
            return;
        }

        saving.Remove(context);
        if (context.Database.CurrentTransaction is null)
        {
            signal.Raise(users);
        }
        else
        {
            committing.GetOrCreateValue(context).UnionWith(users);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && committing.TryGetValue(context, out var users))
        {
            committing.Remove(context);
            signal.Raise(users);
        }
    }

    private static void Forget(DbContext? context, ConditionalWeakTable<DbContext, HashSet<string>> table)
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }
}
