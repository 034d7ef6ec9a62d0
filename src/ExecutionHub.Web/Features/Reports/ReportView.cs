using System.Globalization;
using ExecutionHub.Web.Domain;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>A report as its page and files show it.</summary>
public sealed record ReportView(
    int Id,
    int StreetId,
    string StreetName,
    ReportKind Kind,
    DateOnly PeriodStart,
    ReportState State,
    string Suggestions,
    DateTime GeneratedAtUtc,
    string? GeneratedByName,
    DateTime? PublishedAtUtc,
    string? PublishedByName,
    int Version,
    bool CanEdit,
    ReportContent Content)
{
    public bool IsDraft => State == ReportState.Draft;

    /// <summary>The suggestions' non-blank lines, trimmed: the paragraphs the document and the workbook write.</summary>
    public string[] SuggestionLines() => Suggestions.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string Title(IStringLocalizer localizer) => ReportTitles.Title(StreetName, Kind, PeriodStart, localizer);
}

/// <summary>One row of the report list.</summary>
public sealed record ReportSummary(int Id, string StreetName, ReportKind Kind, DateOnly PeriodStart, ReportState State, DateTime GeneratedAtUtc, DateTime? PublishedAtUtc);

public static class ReportTitles
{
    /// <summary>"2026年10月", "2026年第四季度", "2026年上半年" (or their English).</summary>
    public static string Period(ReportKind kind, DateOnly start, IStringLocalizer localizer) => kind switch
    {
        ReportKind.QuarterlyPortrait => string.Format(CultureInfo.CurrentCulture, localizer["Report.Period.Quarter"], start.Year, LocalDay.Quarter(start)),
        ReportKind.HalfYearWhitePaper => string.Format(CultureInfo.CurrentCulture, localizer[start.Month <= 6 ? "Report.Period.FirstHalf" : "Report.Period.SecondHalf"], start.Year),
        _ => string.Format(CultureInfo.CurrentCulture, localizer["Report.Period.Month"], start.Year, start.Month),
    };

    /// <summary>
    /// "测试街道2026年第4季度区域涉执社情画像报告": the period already says month, quarter or half-year, so the
    /// title names the kind without its period word (<c>Report.TitleKind.*</c>), not "第4季度季度…".
    /// </summary>
    public static string Title(string street, ReportKind kind, DateOnly start, IStringLocalizer localizer) =>
        string.Format(CultureInfo.CurrentCulture, localizer["Report.TitleFormat"], street, Period(kind, start, localizer), localizer[$"Report.TitleKind.{kind}"]);
}
