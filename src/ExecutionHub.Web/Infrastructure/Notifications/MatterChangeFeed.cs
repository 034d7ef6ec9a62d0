using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExecutionHub.Web.Infrastructure.Notifications;

/// <summary>
/// What a save changed, as ids only (small and serialisable, so a backplane can carry it between
/// nodes): the courts and streets whose matters changed (dashboards, lists), the matters themselves
/// (a matter or task page), and the people, agencies and working groups whose work lists it touched
/// (a task's holder before and after, the matter's judge). <see cref="Everywhere"/> when a change
/// could not be placed, or touched too much to name: then every open view re-reads.
/// </summary>
public sealed record MatterChange(
    [property: JsonConverter(typeof(IdSetJsonConverter<int>))] IReadOnlySet<int> Courts,
    [property: JsonConverter(typeof(IdSetJsonConverter<int>))] IReadOnlySet<int> Streets,
    bool Everywhere)
{
    /// <summary>
    /// Beyond this many ids in one set (an import, a bulk dispatch of hundreds) a change is published as
    /// <see cref="Everywhere"/>: the payload stays well under what a backplane carries (PostgreSQL NOTIFY: 8000 bytes).
    /// </summary>
    public const int MaxIds = 100;

    [JsonConverter(typeof(IdSetJsonConverter<int>))]
    public IReadOnlySet<int> Matters { get; init; } = new HashSet<int>();

    /// <summary>User ids: task holders (old and new) and the judges of the changed matters.</summary>
    [JsonConverter(typeof(IdSetJsonConverter<string>))]
    public IReadOnlySet<string> Users { get; init; } = new HashSet<string>();

    /// <summary>Partner agencies whose tasks changed (an agency's agents share its unassigned tasks).</summary>
    [JsonConverter(typeof(IdSetJsonConverter<int>))]
    public IReadOnlySet<int> Agencies { get; init; } = new HashSet<int>();

    /// <summary>Working groups whose queue changed: a matter or task given to or taken from them.</summary>
    [JsonConverter(typeof(IdSetJsonConverter<int>))]
    public IReadOnlySet<int> Groups { get; init; } = new HashSet<int>();

    /// <summary>A court's or a street's views (dashboard, matter list, home): whether a matter of theirs changed.</summary>
    public bool Touches(int? courtId, int? streetId) =>
        Everywhere || (courtId is { } court && Courts.Contains(court)) || (streetId is { } street && Streets.Contains(street));

    /// <summary>A page showing these matters: whether one of them (or one of its tasks) changed.</summary>
    public bool TouchesAnyMatter(IEnumerable<int> matterIds) => Everywhere || matterIds.Any(Matters.Contains);

    /// <summary>A user's own work list: whether a task of theirs (or of their agency) was added, changed or taken away.</summary>
    public bool TouchesUser(UserContext user) =>
        Everywhere || (user.Id.Length > 0 && Users.Contains(user.Id)) || (user.AgencyId is { } agency && Agencies.Contains(agency));

    public bool TouchesAnyGroup(IEnumerable<int> groupIds) => Everywhere || groupIds.Any(Groups.Contains);

    /// <summary>The signed-in user's scope: their court (judges) or street (coordinators, street officers).</summary>
    public bool TouchesScope(UserContext user) => Touches(user.CourtId, user.StreetId);

    public static MatterChange Of(
        IReadOnlySet<int> courts, IReadOnlySet<int> streets, IReadOnlySet<int> matters, IReadOnlySet<string> users, IReadOnlySet<int> agencies, IReadOnlySet<int> groups, bool everywhere = false) =>
        new[] { courts.Count, streets.Count, matters.Count, users.Count, agencies.Count, groups.Count }.Any(count => count > MaxIds)
            ? new MatterChange(new HashSet<int>(), new HashSet<int>(), true)
            : new MatterChange(courts, streets, everywhere) { Matters = matters, Users = users, Agencies = agencies, Groups = groups };
}

/// <summary>A set of ids as a JSON array (System.Text.Json cannot create an <see cref="IReadOnlySet{T}"/> by itself).</summary>
public sealed class IdSetJsonConverter<T> : JsonConverter<IReadOnlySet<T>>
{
    public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<HashSet<T>>(ref reader, options) ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.AsEnumerable(), options);
}

/// <summary>
/// Tells open pages that matters changed, so they re-read at once instead of each page polling the
/// database. In-process, like <see cref="INotificationSignal"/>: the data lives in the database, and
/// several app nodes add a backplane (PostgreSQL LISTEN/NOTIFY) here, carrying <see cref="MatterChange"/> as JSON.
/// </summary>
public interface IMatterChangeFeed
{
    event Action<MatterChange>? Changed;

    /// <summary>
    /// How many changes this node has heard of, raised before any listener is told: a result read
    /// from the database while the version stayed the same saw every change published before it, so
    /// it may be shared (the dashboard's snapshots) until the version moves.
    /// </summary>
    long Version { get; }

    void Publish(MatterChange change);
}

public sealed class InProcessMatterChangeFeed(ILogger<InProcessMatterChangeFeed> logger) : IMatterChangeFeed
{
    private long version;

    public event Action<MatterChange>? Changed;

    public long Version => Interlocked.Read(ref version);

    /// <summary>Runs inside the save that made the change: one listener's failure must neither fail that save nor silence the others.</summary>
    public void Publish(MatterChange change)
    {
        Interlocked.Increment(ref version);
        foreach (var listener in Changed?.GetInvocationList().Cast<Action<MatterChange>>() ?? [])
        {
            try
            {
                listener(change);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live page failed to take a matter change");
            }
        }
    }
}

/// <summary>
/// Publishes a <see cref="MatterChange"/> after every successful save that added or changed a
/// matter, one of its tasks or its timeline, whichever use case made it (dispatch, finding,
/// evidence, feedback, alerts). A save inside an explicit transaction (most saves that write the
/// timeline are) is published once the transaction commits: pages re-read at once, and a read
/// started before the commit would not see the change.
/// </summary>
public sealed class MatterChangeInterceptor(IMatterChangeFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingChange> pending = new();

    /// <summary>Changes saved inside the context's explicit transaction, not yet visible to other connections.</summary>
    private readonly ConditionalWeakTable<DbContext, List<MatterChange>> committing = new();

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is not null)
        {
            pending.AddOrUpdate(context, PendingChange.Of(context.ChangeTracker.Entries()));
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var change))
        {
            pending.Remove(context);
            if (change.ToChange() is not { } published)
            {
                return;
            }

            if (context.Database.CurrentTransaction is null)
            {
                feed.Publish(published);
            }
            else
            {
                committing.GetOrCreateValue(context).Add(published);
            }
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && committing.TryGetValue(context, out var changes))
        {
            committing.Remove(context);
            foreach (var change in changes)
            {
                feed.Publish(change);
            }
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            committing.Remove(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    /// <summary>
    /// Read before the save, while the original values (a task's holder before it was handed on)
    /// are still there; ids of added rows are read after it, once the database has given them.
    /// </summary>
    private sealed class PendingChange
    {
        private readonly HashSet<int> courts = [];
        private readonly HashSet<int> streets = [];
        private readonly HashSet<string> users = new(StringComparer.Ordinal);
        private readonly HashSet<int> agencies = [];
        private readonly HashSet<int> groups = [];
        private readonly List<Func<int?>> matterIds = [];
        private bool everywhere;

        public static PendingChange Of(IEnumerable<EntityEntry> entries)
        {
            var change = new PendingChange();
            foreach (var entry in entries)
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    change.Add(entry);
                }
            }

            return change;
        }

        private void Add(EntityEntry entry)
        {
            switch (entry.Entity)
            {
                case Matter matter:
                    AddMatter(matter);
                    AddBoth(groups, entry, nameof(Matter.WorkingGroupId));
                    AddBoth(users, entry, nameof(Matter.JudgeId));
                    // A pause or a cancellation changes what every holder of the matter's tasks may do.
                    foreach (var task in matter.Tasks)
                    {
                        Holders(task);
                    }

                    break;
                case VerificationTask task:
                    matterIds.Add(() => task.Matter?.Id ?? task.MatterId);
                    if (task.Matter is { } parent)
                    {
                        courts.Add(parent.CourtId);
                        streets.Add(parent.StreetId);
                    }
                    else
                    {
                        everywhere = true;
                    }

                    AddBoth(users, entry, nameof(VerificationTask.AssigneeId));
                    AddBoth(agencies, entry, nameof(VerificationTask.PartnerAgencyId));
                    AddBoth(groups, entry, nameof(VerificationTask.WorkingGroupId));
                    break;
                case TimelineEntry line:
                    // Evidence, reveals and the like write only the timeline: the matter page still shows them.
                    matterIds.Add(() => line.MatterId);
                    break;
            }
        }

        private void AddMatter(Matter matter)
        {
            courts.Add(matter.CourtId);
            streets.Add(matter.StreetId);
            matterIds.Add(() => matter.Id);
        }

        private void Holders(VerificationTask task)
        {
            if (task.AssigneeId is { } assignee)
            {
                users.Add(assignee);
            }

            if (task.PartnerAgencyId is { } agency)
            {
                agencies.Add(agency);
            }

            if (task.WorkingGroupId is { } group)
            {
                groups.Add(group);
            }
        }

        /// <summary>The property's value before and after the save, so whoever lost something hears of it as well as whoever gained it.</summary>
        private static void AddBoth<T>(HashSet<T> set, EntityEntry entry, string property)
        {
            var values = entry.Property(property);
            foreach (var value in new[] { values.CurrentValue, entry.State == EntityState.Added ? null : values.OriginalValue })
            {
                if (value is T id && (id is not string text || text.Length > 0))
                {
                    set.Add(id);
                }
            }
        }

        public MatterChange? ToChange()
        {
            var matters = matterIds.Select(id => id()).OfType<int>().Where(id => id > 0).ToHashSet();
            if (matters.Count == 0 && courts.Count == 0 && users.Count == 0 && agencies.Count == 0 && groups.Count == 0 && !everywhere)
            {
                return null;
            }

            return MatterChange.Of(courts, streets, matters, users, agencies, groups, everywhere);
        }
    }
}
