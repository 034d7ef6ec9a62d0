namespace ExecutionHub.Web.Domain;

public enum AlertKind
{
    DueSoon = 1,
    Overdue = 2,
    Escalation = 3,
}

/// <summary>
/// A deadline alert that fired. <see cref="Key"/> is unique — what, which kind, which deadline
/// version — so a sweep that runs twice, concurrently or after a crash cannot fire it again.
/// It is about exactly one subject: a matter (and maybe one of its tasks), a settlement
/// instalment or a joint meeting's action item.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public AlertKind Kind { get; set; }
    public int? MatterId { get; set; }
    public int? TaskId { get; set; }
    public int? InstalmentId { get; set; }
    public int? ActionItemId { get; set; }
    public int DeadlineVersion { get; set; }
    public DateTime DueAtUtc { get; set; }
    public DateTime FiredAtUtc { get; set; }

    public static string KeyFor(AlertKind kind, int matterId, int? taskId, int deadlineVersion) =>
        taskId is { } task
            ? $"task:{task}:{kind}:v{deadlineVersion}"
            : $"matter:{matterId}:{kind}:v{deadlineVersion}";
}

/// <summary>An in-app notification for one user: an alert or an event on a matter they follow.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string RecipientId { get; set; }
    public long? AlertId { get; set; }
    public Alert? Alert { get; set; }
    public int? MatterId { get; set; }

    /// <summary>Set with a matter not yet saved: the save fills <see cref="MatterId"/> from it.</summary>
    public Matter? Matter { get; set; }

    /// <summary>The task the notification is about, when it is one (a hand-off); a holder's bell opens it.</summary>
    public int? TaskId { get; set; }

    /// <summary>Set with a task not yet saved: the save fills <see cref="TaskId"/> from it.</summary>
    public VerificationTask? Task { get; set; }

    /// <summary>
    /// Unique per thing that caused the notification and its recipient (e.g.
    /// <c>handoff:FindingReturned:t42:v3:{user}</c>), so a retried command or a re-run adds none;
    /// null for notifications that are unique through their <see cref="Alert"/> instead.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Resource key of the title, e.g. <c>Notification.Overdue</c>; formatted with <see cref="Subject"/>.</summary>
    public required string TitleKey { get; set; }

    /// <summary>What the notification is about, e.g. the matter reference.</summary>
    public string Subject { get; set; } = "";

    /// <summary>A second detail for the title, e.g. the disabled user a hand-off was meant for; null when the title needs none.</summary>
    public string? Note { get; set; }

    /// <summary>Where the bell takes the user when it is not about a matter or task (a case's instalments, a meeting, a warning such as <c>/warnings/12</c>); null for matter notifications.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}

/// <summary>Who hears about escalations: the bureau lead of a court and the leader of a street, named by the administrator.</summary>
public sealed class EscalationContact
{
    public int Id { get; set; }
    public int? CourtId { get; set; }
    public int? StreetId { get; set; }
    public required string UserId { get; set; }
}
