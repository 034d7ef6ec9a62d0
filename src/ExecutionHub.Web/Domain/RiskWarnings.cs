using System.Security.Cryptography;
using System.Text;

namespace ExecutionHub.Web.Domain;

/// <summary>Tags a coordinator or judge puts on a case so the street's risk rules can see it.</summary>
[Flags]
public enum CaseTags
{
    None = 0,

    /// <summary>城市更新: the case arises from urban renewal (old-housing renovation, relocation).</summary>
    UrbanRenewal = 1,

    /// <summary>群体性: many people are affected together (wages, pre-sale homes, deposits).</summary>
    GroupRelated = 2,
}

public enum RiskRuleKind
{
    /// <summary>One respondent in N or more open cases filed within M days.</summary>
    RepeatRespondent = 1,

    /// <summary>涉众: N or more distinct applicants against one respondent's open cases.</summary>
    MassDispute = 2,

    /// <summary>This quarter's cases of an industry X% above last quarter's, and at least N.</summary>
    IndustrySpike = 3,

    /// <summary>N or more open cases carrying a tag (urban renewal, group-related).</summary>
    TaggedCases = 4,
}

public enum WarningSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public enum WarningState
{
    New = 1,
    Acknowledged = 2,
    InHand = 3,
    Closed = 4,
}

/// <summary>
/// A risk rule the administrator tunes. <see cref="Threshold"/> is the rule's N (cases, applicants,
/// the minimum count of a spike or of tagged cases); <see cref="WindowDays"/> the M of the cases'
/// filing window (0 = no limit); <see cref="Percent"/> the X of a spike.
/// </summary>
public sealed class RiskRule
{
    public int Id { get; set; }
    public RiskRuleKind Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public int Threshold { get; set; }
    public int WindowDays { get; set; }
    public int Percent { get; set; }

    /// <summary>Repeat respondent only: look at organisations (companies) alone.</summary>
    public bool OrganisationsOnly { get; set; }

    public WarningSeverity Severity { get; set; } = WarningSeverity.Medium;
    public required string SuggestedAction { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }

    public const int MaxThreshold = 10_000;
    public const int MaxWindowDays = 3_650;
    public const int MaxPercent = 10_000;
    public const int MaxActionLength = 500;

    /// <summary>The defaults a fresh database gets.</summary>
    public static IReadOnlyList<RiskRule> Defaults(DateTime nowUtc) =>
    [
        new() { Kind = RiskRuleKind.RepeatRespondent, Threshold = 3, WindowDays = 365, Severity = WarningSeverity.High, UpdatedAtUtc = nowUtc,
            SuggestedAction = "排查该被执行人的资金链和合同履约情况，会同法院研判是否存在集中违约风险" },
        new() { Kind = RiskRuleKind.MassDispute, Threshold = 5, WindowDays = 0, Severity = WarningSeverity.High, UpdatedAtUtc = nowUtc,
            SuggestedAction = "摸排涉众申请人诉求，做好信访维稳预案，组织联席会议协调化解" },
        new() { Kind = RiskRuleKind.IndustrySpike, Threshold = 5, Percent = 50, Severity = WarningSeverity.Medium, UpdatedAtUtc = nowUtc,
            SuggestedAction = "走访该行业重点企业，了解经营和用工状况，做好源头预防" },
        new() { Kind = RiskRuleKind.TaggedCases, Threshold = 1, WindowDays = 0, Severity = WarningSeverity.Medium, UpdatedAtUtc = nowUtc,
            SuggestedAction = "会同城建、信访部门跟进项目进展，提前化解群体性矛盾" },
    ];
}

/// <summary>
/// A risk warning for a street. Its evidence is aggregate only (counts, amounts, industry, tag,
/// period); the respondent behind a repeat-respondent or mass-dispute warning is kept as a party id
/// that only judges and coordinators see, masked. <see cref="Key"/> is unique — rule, street, a
/// hashed subject, quarter — so a re-run refreshes the same warning instead of adding another.
/// </summary>
public sealed class RiskWarning
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public int StreetId { get; set; }
    public Street? Street { get; set; }
    public RiskRuleKind Rule { get; set; }
    public WarningSeverity Severity { get; set; }
    public WarningState State { get; set; } = WarningState.New;

    /// <summary>The quarter the warning belongs to (Shanghai days).</summary>
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    public int CaseCount { get; set; }
    public int ApplicantCount { get; set; }

    /// <summary>Industry spike: last quarter's cases of the industry.</summary>
    public int PreviousCount { get; set; }

    public decimal AmountOwed { get; set; }
    public string? Industry { get; set; }
    public CaseTags Tag { get; set; }
    public PartyKind? RespondentKind { get; set; }

    /// <summary>One party row of the respondent, for the masked name judges and coordinators see; never shown to a street officer.</summary>
    public int? SubjectPartyId { get; set; }

    /// <summary>The filing window the rule looked at, in days (0 = every open case).</summary>
    public int WindowDays { get; set; }

    public required string SuggestedAction { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When a run last found the condition and refreshed the evidence.</summary>
    public DateTime EvidenceAtUtc { get; set; }
    public int Version { get; set; }
    public List<RiskWarningEvent> History { get; set; } = [];

    public bool IsOpen => State != WarningState.Closed;

    /// <summary>Forward only, one step or straight to closed: new → acknowledged → in hand → closed.</summary>
    public static bool CanMove(WarningState from, WarningState to) => (from, to) switch
    {
        (WarningState.New, WarningState.Acknowledged) => true,
        (WarningState.Acknowledged, WarningState.InHand) => true,
        (WarningState.New or WarningState.Acknowledged or WarningState.InHand, WarningState.Closed) => true,
        _ => false,
    };

    /// <summary>The next states offered from <paramref name="from"/>.</summary>
    public static IReadOnlyList<WarningState> NextStates(WarningState from) =>
        Enum.GetValues<WarningState>().Where(to => CanMove(from, to)).ToList();

    public static string KeyFor(RiskRuleKind rule, int streetId, string subject, DateOnly periodStart) =>
        $"{rule}:{streetId}:{Fingerprint(subject)}:{periodStart:yyyyMMdd}";

    /// <summary>A one-way fingerprint, so the key never holds an identity number.</summary>
    public static string Fingerprint(string subject) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..20];

    /// <summary>The first and last day of the calendar quarter holding <paramref name="day"/>.</summary>
    public static (DateOnly Start, DateOnly End) QuarterOf(DateOnly day)
    {
        var start = LocalDay.QuarterStart(day);
        return (start, start.AddMonths(3).AddDays(-1));
    }
}

/// <summary>One move of a warning's state: who, when, from what to what, and an optional note.</summary>
public sealed class RiskWarningEvent
{
    public long Id { get; set; }
    public long WarningId { get; set; }
    public WarningState? From { get; set; }
    public WarningState To { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public DateTime AtUtc { get; set; }
    public string Note { get; set; } = "";

    public const int MaxNoteLength = 500;
}
