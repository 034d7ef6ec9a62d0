namespace ExecutionHub.Web.Domain;

/// <summary>The case events applicants are told about (SMS / mini-program updates).</summary>
public enum MilestoneKind
{
    AssetSeizure = 1,
    CreditBlacklisting = 2,
    ConsumptionRestriction = 3,
    DetentionOrFine = 4,
    Settlement = 5,
    PaymentReceived = 6,
    Closure = 7,
}

/// <summary>A milestone a judge recorded on a case.</summary>
public sealed class CaseMilestone
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public MilestoneKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public decimal? Amount { get; set; }
    public string Note { get; set; } = "";
    public required string RecordedById { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>The Chinese message applicants receive for a milestone kind; placeholders {CaseNumber}, {Date}, {Amount}, {Court}.</summary>
public sealed class MessageTemplate
{
    public MilestoneKind Kind { get; set; }
    public required string Body { get; set; }
}

/// <summary>A one-time code an applicant uses to open the public progress page of a case.</summary>
public sealed class ProgressAccessCode
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public int PartyId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
    public int FailedAttempts { get; set; }
}
