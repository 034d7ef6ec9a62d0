namespace ExecutionHub.Web.Infrastructure.Notifications;

/// <summary>
/// Tells open circuits that some users have new or changed notifications, so their bells refresh
/// without a reload. In-process only: the notifications themselves live in the database, and a
/// multi-node deployment adds a backplane (PostgreSQL LISTEN/NOTIFY) behind this same interface.
/// </summary>
public interface INotificationSignal
{
    event Action<IReadOnlySet<string>>? Changed;

    void Raise(IEnumerable<string> userIds);
}

public sealed class InProcessNotificationSignal : INotificationSignal
{
    public event Action<IReadOnlySet<string>>? Changed;

    public void Raise(IEnumerable<string> userIds)
    {
        var users = userIds.ToHashSet(StringComparer.Ordinal);
        if (users.Count > 0)
        {
            Changed?.Invoke(users);
        }
    }
}
