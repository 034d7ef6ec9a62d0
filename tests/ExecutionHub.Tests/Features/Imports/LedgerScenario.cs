using System.Text;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Imports;
using MiniExcelLibs;

namespace ExecutionHub.Tests.Features.Imports;

/// <summary>
/// Ledger files for the import tests, in the hand-built organisation (测试街道, 测试居委, court 沪0199).
/// "Now" is 2026-11-27 09:30 Shanghai; every row below lies in November.
/// </summary>
public static class LedgerScenario
{
    public const string Street = "测试街道";
    public const string Community = "测试居委";

    /// <summary>A valid resident ID number ending in the right check digit.</summary>
    public static string Id(string first17) => first17 + IdentityNumbers.ResidentIdCheckChar(first17);

    /// <summary>A valid unified social credit code.</summary>
    public static string Credit(string first17) => first17 + IdentityNumbers.CreditCodeCheckChar(first17);

    /// <summary>
    /// Six fed-back matters, times in Shanghai (+08:00). Cycles: 10 h, 30 h, 50 h, 80 h (late: due at 72 h),
    /// 24 h, 36 h. Whereabouts found: rows 2 and 3; asset clues concluded: rows 5 and 7; household row 6.
    /// Rows 2 and 3 share a case, so five cases are new.
    /// </summary>
    public static readonly string[][] FedBackRows =
    [
        ["(2026)沪0199执501号", "whereabouts", "court", Street, Community, "王小明", Id("31011019800101001"), "2026-11-10T08:00:00+08:00", "2026-11-10T09:00:00+08:00", "2026-11-10T18:00:00+08:00", "", "found", "已找到，住址核实"],
        ["(2026)沪0199执501号", "whereabouts", "court", Street, Community, "李四", Id("31011019800101002"), "2026-11-11 08:00", "2026-11-11 10:00", "2026-11-12 14:00", "", "found", ""],
        ["(2026)沪0199执502号", "whereabouts", "party", Street, "", "赵五", "", "2026-11-12T00:00:00Z", "2026-11-12T01:00:00Z", "2026-11-14T02:00:00Z", "", "not_found", "多次上门未遇"],
        ["(2026)沪0199执503号", "asset_vehicle", "court", Street, Community, "钱六", Id("31011019800101003"), "2026-11-13T08:00:00+08:00", "2026-11-13T12:00:00+08:00", "2026-11-16T16:00:00+08:00", "", "not_confirmed", "车辆已转卖"],
        ["(2026)沪0199执504号", "household", "court", Street, Community, "孙七", Id("31011019800101004"), "2026-11-16T08:00:00+08:00", "2026-11-16T09:00:00+08:00", "2026-11-17T08:00:00+08:00", "", "found", ""],
        ["(2026)沪0199执505号", "asset_income", "other_court", Street, Community, "上海某某贸易有限公司", Credit("91310110MA1G8N5X2"), "2026-11-18T08:00:00+08:00", "2026-11-18T09:00:00+08:00", "2026-11-19T20:00:00+08:00", "2026-11-20T10:00:00+08:00", "confirmed", "工资收入属实"],
    ];

    /// <param name="withJudge">The header ends with the optional judge column (each row then carries its cell).</param>
    public static byte[] Csv(IEnumerable<string[]> rows, bool withJudge = false) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { withJudge ? [.. LedgerFile.Columns, LedgerFile.Judge] : LedgerFile.Columns.ToArray() }.Concat(rows).Select(r => string.Join(',', r.Select(Quote)))) + "\r\n");

    public static async Task<byte[]> XlsxAsync(IEnumerable<string[]> rows)
    {
        var sheet = rows.Select(r => (IDictionary<string, object?>)LedgerFile.Columns.Select((c, i) => (c, (object?)r[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
        using var output = new MemoryStream();
        await MiniExcel.SaveAsAsync(output, sheet, printHeader: true, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    public static string[] With(string[] row, string column, string value)
    {
        var copy = row.ToArray();
        copy[LedgerFile.Columns.ToList().IndexOf(column)] = value;
        return copy;
    }

    public static ImportLedger Import(byte[] content, HandBuiltData data, bool dryRun = false, LedgerFormat format = LedgerFormat.Csv, string fileName = "台账2026.csv") =>
        new(content, format, fileName, dryRun, data.Judge.Id);

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
