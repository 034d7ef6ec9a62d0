using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>A ledger row that passed every rule of its own: typed, the case number normalised, the times in UTC.</summary>
internal sealed record LedgerRow(
    LedgerLine Line,
    string CaseNumber,
    MatterType Type,
    AssetClueKind? ClueKind,
    MatterSource Source,
    int? CommunityId,
    string TargetName,
    string TargetIdNumber,
    DateTime ReceivedAtUtc,
    DateTime? DispatchedAtUtc,
    DateTime? FedBackAtUtc,
    DateTime? ClosedAtUtc,
    MatterOutcome? Outcome,
    string Notes,
    MatterStatus Status)
{
    /// <summary>What identifies the row however the file is re-saved (<see cref="KeyOf"/>); unique among imported matters.</summary>
    public required string Key { get; init; }

    /// <summary>The <see cref="LedgerFile.Judge"/> cell as written; empty when the file has no such column or left it blank.</summary>
    public string JudgeKey { get; init; } = "";

    /// <summary>The user id of <see cref="JudgeKey"/>'s judge, once found among the court's; null without one.</summary>
    public string? JudgeId { get; set; }

    /// <summary>Imported by an earlier file, or repeated earlier in this one: counted, not imported again.</summary>
    public bool Duplicate { get; set; }

    /// <summary>What identifies a ledger row however the file is re-saved: the case, the type, the target, the moment of receipt.</summary>
    public static string KeyOf(string caseNumber, string typeCode, string target, DateTime receivedAtUtc)
    {
        var text = string.Join('|', caseNumber, typeCode, target, receivedAtUtc.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
