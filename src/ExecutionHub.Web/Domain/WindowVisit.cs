namespace ExecutionHub.Web.Domain;

/// <summary>Who came to the window.</summary>
public enum VisitorKind
{
    Applicant = 1,
    Respondent = 2,
    Relative = 3,
    Other = 9,
}

/// <summary>Why they came: the comprehensive window's services (综合窗口).</summary>
public enum VisitPurpose
{
    FilingConsultation = 1,
    ClueSubmission = 2,
    ExecutionMediation = 3,
    JudicialRelief = 4,
    ResumeExecution = 5,
    Other = 9,
}

/// <summary>
/// One visit at the workstation's comprehensive window (综合窗口), logged by the coordinator who
/// received it. The visitor's name and phone are personal data, masked wherever visits are listed.
/// A clue submission or an application can become one matter, never two: the visit keeps the
/// matter's id and a second attempt is refused.
/// </summary>
public sealed class WindowVisit
{
    public const int MaxNameLength = 50;
    public const int MaxNotesLength = 2000;
    public const int MaxOutcomeLength = 500;

    public int Id { get; set; }
    public int StreetId { get; set; }
    public DateTime VisitedAtUtc { get; set; }
    public VisitorKind VisitorKind { get; set; }
    public VisitPurpose Purpose { get; set; }
    public required string VisitorName { get; set; }
    public string VisitorPhone { get; set; } = "";

    /// <summary>The case number the visitor gave, normalised; <see cref="CaseId"/> is set when it is a case of the street.</summary>
    public string? CaseNumber { get; set; }
    public int? CaseId { get; set; }

    /// <summary>What the visitor said or asked for, in the coordinator's words.</summary>
    public string Notes { get; set; } = "";

    /// <summary>How the visit ended (answered, referred, turned into a matter…).</summary>
    public string Outcome { get; set; } = "";

    /// <summary>The coordinator who received the visitor.</summary>
    public required string StaffId { get; set; }
    public DateTime LoggedAtUtc { get; set; }

    public int? MatterId { get; set; }

    /// <summary>Optimistic concurrency: two coordinators turning the same visit at once cannot both succeed.</summary>
    public int Version { get; set; }

    /// <summary>The matter type a visit of <paramref name="purpose"/> becomes, or null when it does not become a matter.</summary>
    public static MatterType? MatterTypeFor(VisitPurpose purpose) => purpose switch
    {
        VisitPurpose.ClueSubmission => MatterType.AssetClueVerification,
        VisitPurpose.JudicialRelief => MatterType.JudicialRelief,
        VisitPurpose.ResumeExecution => MatterType.ResumeExecution,
        _ => null,
    };

    public bool CanBecomeMatter => MatterId is null && MatterTypeFor(Purpose) is not null;

    /// <summary>Refuses a visit that is already a matter, or whose purpose never becomes one.</summary>
    public void EnsureCanBecomeMatter()
    {
        if (MatterId is not null)
        {
            throw new DomainRuleException("Rule.Window.AlreadyMatter", $"visit {Id} is matter {MatterId}");
        }

        if (MatterTypeFor(Purpose) is null)
        {
            throw new DomainRuleException("Rule.Window.PurposeNotForMatter", $"visit {Id} is {Purpose}");
        }
    }

    /// <summary>Links the visit to the matter it became, and to the matter's case.</summary>
    public void BecameMatter(Matter matter, string caseNumber)
    {
        EnsureCanBecomeMatter();
        MatterId = matter.Id;
        CaseId = matter.CaseId;
        CaseNumber = caseNumber;
    }
}
