using System.Globalization;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>
/// A statistics table as a file: the rows and cells the screen shows (a "&lt;3" or "*" stays one),
/// counts and amounts as numbers, named after the table, the street and the period.
/// </summary>
public static class StatisticsExport
{
    public static ExportTable Create(StatTable table, StreetStatistics statistics, StatisticsPeriodKind kind, IStringLocalizer localizer) => new()
    {
        Title = localizer[$"Statistics.Table.{table.Id}"],
        Filters = Filters(statistics, kind, localizer),
        ExportedAtUtc = statistics.AsOfUtc,
        Headers = [localizer[$"Statistics.Table.{table.Id}.Rows"], .. table.Columns.Select(c => c.Header.Localize(localizer))],
        Rows = table.Rows.Select(row => (IReadOnlyList<object?>)[row.Label.Localize(localizer), .. row.Cells.Select((cell, i) => Cell(cell, row.MeasureIn(table.Columns[i])))]).ToList(),
        Notes = table.HidesFigures ? [localizer["Statistics.Legend"], localizer["Statistics.AmountSuppressed"]] : [localizer["Statistics.Legend"]],
    };

    /// <summary>The street (or court) and the period, most telling first: they name the file.</summary>
    public static IReadOnlyList<ExportFilter> Filters(StreetStatistics statistics, StatisticsPeriodKind kind, IStringLocalizer localizer) =>
    [
        new(localizer[statistics.CourtWide ? "Statistics.Court" : "Statistics.Street"], statistics.ScopeName),
        new(localizer["Statistics.Period"], $"{localizer[$"Statistics.Period.{kind}"]} {Range(statistics.Period)}") { FileNamePart = Range(statistics.Period) },
        new(localizer["Statistics.Previous"], Range(statistics.Previous)) { FileNamePart = "" },
    ];

    /// <summary>2026-01-01~2026-11-27: the same in both languages, and safe in a file name.</summary>
    public static string Range(PeriodDays days) =>
        $"{days.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}~{days.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Counts, amounts and hours as numbers Excel can add; rates and changes as the screen writes them; marks as text.</summary>
    public static object? Cell(StatValue cell, StatMeasure measure) => cell switch
    {
        { Mark: StatMark.Shown, Value: { } value } when measure is StatMeasure.Count or StatMeasure.Yuan => value,
        { Mark: StatMark.Shown, Value: { } value } when measure is StatMeasure.Hours => Math.Round(value, 1),
        _ => cell.Format(measure),
    };
}
