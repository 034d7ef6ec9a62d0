namespace ExecutionHub.Web.Domain;

public enum MatterType
{
    DebtorWhereabouts = 1,
    AssetClueVerification = 2,
    HouseholdSurvey = 3,
    PropertyClueTransfer = 4,
    JudicialRelief = 5,
    ResumeExecution = 6,
    EntrustedInvestigation = 7,
}

public enum MatterSource
{
    CourtExOfficio = 1,
    PartyApplication = 2,
    OtherCourtEntrustment = 3,
}

public enum MatterStatus
{
    Received = 1,
    Registered = 2,
    Dispatched = 3,
    Consolidated = 4,
    FedBack = 5,
    Closed = 6,
    Cancelled = 7,
}

/// <summary>
/// One "find the person, find the assets" request about a case's target party. The clock runs
/// from <see cref="ReceivedAtUtc"/> to <see cref="DueAtUtc"/> (72 hours by default).
/// </summary>
public sealed class Matter
{
    public static readonly TimeSpan DefaultFeedbackWindow = TimeSpan.FromHours(72);

    public int Id { get; set; }

    /// <summary>Human reference shown in lists, e.g. PL-2026-0042.</summary>
    public required string Reference { get; set; }

    public MatterType Type { get; set; }
    public MatterSource Source { get; set; }
    public MatterStatus Status { get; set; } = MatterStatus.Received;

    public int CaseId { get; set; }
    public ExecutionCase? Case { get; set; }

    public int TargetPartyId { get; set; }
    public CaseParty? TargetParty { get; set; }

    /// <summary>Copied from the case so street-scoped queries need no join.</summary>
    public int StreetId { get; set; }

    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }

    /// <summary>What the court asks for, in its own words.</summary>
    public string Request { get; set; } = "";

    public required string CreatedById { get; set; }
}

/// <summary>One line of a matter's (or case's) history: who did what, when (UTC).</summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public int? MatterId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>A resource key naming the event, e.g. <c>Timeline.MatterReceived</c>.</summary>
    public required string Event { get; set; }

    public string Detail { get; set; } = "";
}
