using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>A report's data as spreadsheet tables: one per table on its page, in the page's order, with the same rows and cells.</summary>
public static class ReportWorkbook
{
    public static IReadOnlyList<ExportTable> Tables(ReportView report, IStringLocalizer localizer)
    {
        var filters = Filters(report, localizer);
        var tables = ReportSections.Figures.SelectMany(s => ReportSections.TablesOf(report.Content, s.Tables)).ToList();
        if (report.Content.Warnings is { Rows.Count: > 0 } warnings)
        {
            tables.Add(warnings);
        }

        var result = tables.Select(table => Table(table, report, localizer, filters)).ToList();

        var lines = report.SuggestionLines();
        result.Add(new ExportTable
        {
            Title = localizer[$"Report.Section.{ReportSections.Suggestions}"],
            Filters = filters,
            ExportedAtUtc = report.Content.AsOfUtc,
            Headers = [localizer[$"Report.Section.{ReportSections.Suggestions}"]],
            Rows = lines.Select(l => (IReadOnlyList<object?>)[l]).ToList(),
        });
        return result;
    }

    /// <summary>One table of the report as a file: headed by the report, its street and period, not by a statistics period.</summary>
    public static ExportTable Table(StatTable table, ReportView report, IStringLocalizer localizer, IReadOnlyList<ExportFilter>? filters = null) =>
        StatisticsExport.Create(table, report.Content.AsStatistics(), StatisticsPeriodKind.Custom, localizer) with
        {
            Filters = filters ?? Filters(report, localizer),
        };

    public static async Task<byte[]> WriteAsync(ReportView report, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await XlsxExportWriter.WriteSheetsAsync(Tables(report, localizer), stream, cancellationToken);
        return stream.ToArray();
    }

    /// <summary>The report, its street and its period: they head every sheet; a table's file is named after the report (and "草稿" when it is one).</summary>
    public static IReadOnlyList<ExportFilter> Filters(ReportView report, IStringLocalizer localizer) =>
    [
        new(localizer["Report.Report"], report.Title(localizer)),
        new(localizer["Report.Street"], report.StreetName) { FileNamePart = "" },
        new(localizer["Report.PeriodRange"], StatisticsExport.Range(report.Content.Period)) { FileNamePart = "" },
        new(localizer["Report.StateLabel"], localizer[$"ReportState.{report.State}"]) { FileNamePart = report.IsDraft ? localizer[$"ReportState.{report.State}"] : "" },
    ];
}
