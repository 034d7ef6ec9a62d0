namespace ExecutionHub.Web.Domain;

/// <summary>
/// A joint meeting (联席会议) of court, street and partner agencies. Its agenda starts from the
/// street's hard cases (and open risk warnings, when there are any) and the coordinator adds or
/// removes items; the minutes, a decision per item and action items come after the meeting.
/// </summary>
public sealed class JointMeeting
{
    public const int MaxTitleLength = 200;
    public const int MaxPlaceLength = 200;
    public const int MaxMinutesLength = 8000;

    public int Id { get; set; }
    public int StreetId { get; set; }
    public int CourtId { get; set; }
    public required string Title { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public string Place { get; set; } = "";
    public string Minutes { get; set; } = "";
    public DateTime? MinutesRecordedAtUtc { get; set; }
    public required string CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<MeetingAgency> Agencies { get; set; } = [];
    public List<MeetingParticipant> Participants { get; set; } = [];
    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];
}

public sealed class MeetingAgency
{
    public int MeetingId { get; set; }
    public int AgencyId { get; set; }
}

public sealed class MeetingParticipant
{
    public int MeetingId { get; set; }
    public required string UserId { get; set; }
}

public enum AgendaSource
{
    HardCase = 1,
    RiskWarning = 2,
    Manual = 3,
}

public sealed class AgendaItem
{
    public const int MaxTitleLength = 300;
    public const int MaxDecisionLength = 2000;

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public AgendaSource Source { get; set; }
    public int? MatterId { get; set; }

    /// <summary>The open risk warning this item discusses (aggregate evidence only in <see cref="Title"/>).</summary>
    public long? RiskWarningId { get; set; }

    public required string Title { get; set; }
    public string Decision { get; set; } = "";
    public int Position { get; set; }
}

/// <summary>
/// A task a meeting gave to an agency or a person, due on a day; watched by the deadline sweep
/// (due soon, overdue, each once) until it is marked done with a note.
/// </summary>
public sealed class ActionItem : IDueDateWatched
{
    public const int MaxDescriptionLength = 500;
    public const int MaxNoteLength = 1000;

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public JointMeeting? Meeting { get; set; }
    public int StreetId { get; set; }
    public int? AgendaItemId { get; set; }
    public required string Description { get; set; }
    public int? OwnerAgencyId { get; set; }
    public string? OwnerUserId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime DueSoonAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public string? DoneById { get; set; }
    public string DoneNote { get; set; } = "";
    public DateTime? NextAlertAtUtc { get; set; }
    public int AlertStage { get; set; }
    public int Version { get; set; }

    public bool IsDone => DoneAtUtc is not null;

    public bool IsWatched => !IsDone;

    public void SetDue(DateOnly dueOn)
    {
        DueOn = dueOn;
        DueSoonAtUtc = DueDateAlerts.DueSoonAt(dueOn);
        DueAtUtc = DueDateAlerts.OverdueAt(dueOn);
        DueDateAlerts.Schedule(this);
    }

    public void Complete(string note, string by, DateTime now)
    {
        if (IsDone)
        {
            throw new DomainRuleException("Rule.ActionItem.AlreadyDone", $"action item {Id}");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Rule.ActionItem.NoteRequired");
        }

        DoneNote = note.Trim();
        DoneById = by;
        DoneAtUtc = now;
        DueDateAlerts.Schedule(this);
    }

    public static string AlertKey(int id, AlertKind kind) => $"action:{id}:{kind}";
}
