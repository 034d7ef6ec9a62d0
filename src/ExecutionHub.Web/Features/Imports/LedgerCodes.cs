using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Time;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>
/// The ledger's vocabulary: the codes its <c>matter_type</c>, <c>source</c> and <c>outcome</c> columns take
/// (case aside) and what each means here, and the forms its times take.
/// </summary>
internal static class LedgerCodes
{
    public static readonly IReadOnlyDictionary<string, (MatterType Type, AssetClueKind? Kind)> Types = new Dictionary<string, (MatterType, AssetClueKind?)>(StringComparer.OrdinalIgnoreCase)
    {
        ["whereabouts"] = (MatterType.DebtorWhereabouts, null),
        ["asset_vehicle"] = (MatterType.AssetClueVerification, AssetClueKind.Vehicle),
        ["asset_income"] = (MatterType.AssetClueVerification, AssetClueKind.Income),
        ["asset_real_estate"] = (MatterType.AssetClueVerification, AssetClueKind.RealEstate),
        ["asset_business"] = (MatterType.AssetClueVerification, AssetClueKind.Business),
        ["asset_other"] = (MatterType.AssetClueVerification, AssetClueKind.Other),
        ["household"] = (MatterType.HouseholdSurvey, null),
        ["property_clue_transfer"] = (MatterType.PropertyClueTransfer, null),
        ["judicial_relief"] = (MatterType.JudicialRelief, null),
        ["resume_execution"] = (MatterType.ResumeExecution, null),
        ["entrusted_investigation"] = (MatterType.EntrustedInvestigation, null),
    };

    public static readonly IReadOnlyDictionary<string, MatterSource> Sources = new Dictionary<string, MatterSource>(StringComparer.OrdinalIgnoreCase)
    {
        ["court"] = MatterSource.CourtExOfficio,
        ["party"] = MatterSource.PartyApplication,
        ["other_court"] = MatterSource.OtherCourtEntrustment,
    };

    public static readonly IReadOnlyDictionary<string, MatterOutcome> Outcomes = new Dictionary<string, MatterOutcome>(StringComparer.OrdinalIgnoreCase)
    {
        ["found"] = MatterOutcome.Found,
        ["not_found"] = MatterOutcome.NotFound,
        ["confirmed"] = MatterOutcome.Confirmed,
        ["not_confirmed"] = MatterOutcome.NotConfirmed,
        ["partly_confirmed"] = MatterOutcome.PartlyConfirmed,
    };

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>ISO 8601: with an offset (or Z) as given; without one, as Asia/Shanghai wall-clock time.</summary>
    public static bool TryParseTime(string text, out DateTime utc)
    {
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = DateTime.SpecifyKind(ChinaTime.ToUtc(local), DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    private static bool HasOffset(string text) =>
        text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':';
}
