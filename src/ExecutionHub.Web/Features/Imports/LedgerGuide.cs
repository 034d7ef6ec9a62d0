using ExecutionHub.Web.Infrastructure.Localization;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>One column of the ledger as the import page and the template's guide sheet explain it.</summary>
public sealed record LedgerColumnGuide(string Key, string Name, bool Required, string Rule, string Example);

/// <summary>
/// What each ledger column is called in the user's language, whether a row must fill it, what it takes (the codes
/// come from <see cref="LedgerCodes"/>, so the guide cannot drift from what <see cref="LedgerRowRules"/> accepts) and an example.
/// </summary>
public static class LedgerGuide
{
    private static readonly HashSet<string> RequiredColumns =
        [LedgerFile.CaseNumber, LedgerFile.MatterType, LedgerFile.Source, LedgerFile.Street, LedgerFile.TargetName, LedgerFile.ReceivedAt];

    public static IReadOnlyList<LedgerColumnGuide> Columns(IReadOnlyList<string> example) =>
        [.. LedgerFile.Columns.Select((key, i) => new LedgerColumnGuide(
            key, UiText.Get($"Import.Column.{key}"), RequiredColumns.Contains(key), Rule(key), i < example.Count ? example[i] : ""))];

    private static string Rule(string key) => key switch
    {
        LedgerFile.MatterType => UiText.Format("Import.ColumnRule.matter_type", Codes(LedgerCodes.Types.Keys)),
        LedgerFile.Source => UiText.Format("Import.ColumnRule.source", Codes(LedgerCodes.Sources.Keys)),
        LedgerFile.Outcome => UiText.Format("Import.ColumnRule.outcome", Codes(LedgerCodes.Outcomes.Keys)),
        _ => UiText.Get($"Import.ColumnRule.{key}"),
    };

    private static string Codes(IEnumerable<string> codes) => string.Join(", ", codes);
}
