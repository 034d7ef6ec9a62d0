namespace ExecutionHub.Web.Domain;

/// <summary>
/// Something that happened to an entity that other people may need to hear about (a task went out,
/// a finding came back). Entities record events in their methods; one place at save time turns
/// them into notifications, so no use case has to remember to tell anyone. Events are not stored:
/// they live until the save that persists the change, and carry ids, never personal data.
/// </summary>
public interface IDomainEvent;

/// <summary>An entity that records <see cref="IDomainEvent"/>s until its unit of work is saved.</summary>
public interface IHasDomainEvents
{
    /// <summary>The events recorded since the last call, in the order they happened; the entity forgets them.</summary>
    IReadOnlyList<IDomainEvent> TakeEvents();
}

/// <summary>The list an entity keeps its recorded events in until they are taken.</summary>
public sealed class DomainEventLog
{
    private readonly List<IDomainEvent> pending = [];

    public void Record(IDomainEvent domainEvent) => pending.Add(domainEvent);

    public IReadOnlyList<IDomainEvent> Take()
    {
        var taken = pending.ToList();
        pending.Clear();
        return taken;
    }
}
