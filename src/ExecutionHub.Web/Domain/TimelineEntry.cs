namespace ExecutionHub.Web.Domain;

/// <summary>One line of a matter's (or case's) history: who did what, when (UTC), and why.</summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public int? MatterId { get; set; }
    public int? TaskId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>A resource key naming the event, e.g. <c>Timeline.MatterReceived</c>.</summary>
    public required string Event { get; set; }

    /// <summary>Free text the actor gave (a reason, a note), shown as written.</summary>
    public string Detail { get; set; } = "";
}
