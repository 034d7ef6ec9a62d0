namespace ExecutionHub.Web.Domain;

public enum ApplicationVerdict
{
    Granted = 1,
    Refused = 2,
}

/// <summary>Who an application goes to first: the hearing-and-relief group (which recommends, then the judge decides) or straight to the judge.</summary>
public enum ApplicationRoute
{
    HearingGroup = 1,
    Judge = 2,
}

/// <summary>
/// The hearing-and-relief group's recommendation on an application routed to it, recorded by one
/// of its members before the judge decides. Stored as one JSON document with its matter.
/// </summary>
public sealed class GroupRecommendation
{
    public ApplicationVerdict Verdict { get; set; }
    public string Text { get; set; } = "";
    public int WorkingGroupId { get; set; }
    public string RecordedById { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>
/// The judge's decision on a party's judicial relief (司法救助) or resume-execution (恢复执行)
/// application. Relief is decided on the hearing-and-relief group's recommendation, kept as
/// written. Stored as one JSON document with its matter.
/// </summary>
public sealed class ApplicationDecision
{
    public ApplicationVerdict Verdict { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>Relief granted, in yuan; only on granted judicial relief, never above the amount requested.</summary>
    public decimal? AmountGranted { get; set; }

    /// <summary>The hearing-and-relief group's recommendation the judge decided on, if any.</summary>
    public string? GroupRecommendation { get; set; }

    public string DecidedById { get; set; } = "";
    public string DecidedByName { get; set; } = "";
    public DateTime DecidedAtUtc { get; set; }

    public static bool CanBeMadeOn(MatterType type) => type is MatterType.JudicialRelief or MatterType.ResumeExecution;
}
