using System.Text.RegularExpressions;

namespace ExecutionHub.Web.Domain;

public enum CaseStatus
{
    InExecution = 1,
    Settled = 2,
    Paid = 3,
    Terminated = 4,
    Closed = 5,
}

/// <summary>An execution case of a court, with its parties. Amounts are in yuan.</summary>
public sealed class ExecutionCase
{
    public const int MaxCaseNumberLength = 40;
    public const int MaxCauseLength = 50;
    public const int MaxIndustryLength = 50;

    public int Id { get; set; }

    /// <summary>Normalised case number text; see <see cref="Domain.CaseNumber"/>.</summary>
    public required string CaseNumber { get; set; }

    public int CourtId { get; set; }
    public Court? Court { get; set; }

    /// <summary>The street whose workstation handles the case (where the respondent lives or works).</summary>
    public int StreetId { get; set; }
    public Street? Street { get; set; }

    /// <summary>The community within the street, for street statistics; null when not yet known.</summary>
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }

    public required string JudgeId { get; set; }

    /// <summary>案由, e.g. 民间借贷纠纷.</summary>
    public required string Cause { get; set; }

    /// <summary>Industry of the dispute, e.g. 房地产; drives the street's statistics.</summary>
    public required string Industry { get; set; }

    public decimal AmountOwed { get; set; }
    public decimal AmountRecovered { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.InExecution;
    public DateOnly FiledOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// When anything last happened on the case: the time of the latest line on its timeline (a change to
    /// any of its matters, or its own milestone, tag, mediation or payment), or <see cref="QuietSinceUtc"/>
    /// while it has none. The case list sorts by it. The database keeps it when a timeline line is saved
    /// (see <c>Data.CaseActivity</c>), so no use case has to remember to.
    /// </summary>
    public DateTime LastActivityAtUtc { get; set; }

    /// <summary>
    /// A case with nothing on its timeline counts from the day it was filed (00:00 in Shanghai), not from
    /// when it was entered here: a case filed last year and entered today has not been worked on today.
    /// Its entry, if earlier, bounds it (a filing day ahead would be a slip, not activity).
    /// </summary>
    public DateTime QuietSinceUtc =>
        FiledOn == default || LocalDay.StartUtc(FiledOn) > CreatedAtUtc ? CreatedAtUtc : LocalDay.StartUtc(FiledOn);

    /// <summary>
    /// Created by a ledger import (cause 待补充, amount 0, filed on the day of its first row) and not yet completed: the
    /// street's case statistics leave it out, since its cause, amount and filing day are placeholders. A save through
    /// the API that gives the cause and an amount above 0 completes it.
    /// </summary>
    public bool AwaitsCompletion { get; set; }

    /// <summary>城市更新 / 群体性 tags a coordinator or judge sets; the street's risk rules read them.</summary>
    public CaseTags Tags { get; set; }

    public List<CaseParty> Parties { get; set; } = [];
}

public enum PartyRole
{
    Applicant = 1,
    Respondent = 2,
}

public enum PartyKind
{
    Person = 1,
    Organisation = 2,
}

/// <summary>
/// An applicant (申请执行人) or respondent (被执行人). <see cref="IdentityNumber"/> holds a resident
/// ID number for a person and a unified social credit code for an organisation. Phones and
/// addresses are personal data: show them through <see cref="PersonalData"/> masking.
/// </summary>
public sealed partial class CaseParty
{
    public const int MaxNameLength = 100;
    public const int MaxIdentityNumberLength = 18;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public PartyRole Role { get; set; }
    public PartyKind Kind { get; set; }
    public required string Name { get; set; }
    public required string IdentityNumber { get; set; }
    public List<string> Phones { get; set; } = [];
    public List<string> Addresses { get; set; } = [];

    /// <summary>An applicant who asked not to receive progress messages.</summary>
    public bool OptedOutOfMessages { get; set; }

    /// <summary>Where a progress SMS goes: a mobile number if the party has one (an SMS to a landline goes nowhere), else the first phone.</summary>
    public string? SmsNumber() =>
        Phones.FirstOrDefault(p => MobileNumber().IsMatch(p.Trim()))?.Trim() ?? Phones.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))?.Trim();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileNumber();
}
