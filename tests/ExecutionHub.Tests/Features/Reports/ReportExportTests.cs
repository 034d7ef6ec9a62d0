using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ExecutionHub.Tests.Features.Statistics;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Reports;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Export;
using MiniExcelLibs;
using static ExecutionHub.Tests.Features.Statistics.StatisticsText;

namespace ExecutionHub.Tests.Features.Reports;

/// <summary>The published white paper of the hand-built street for the first half of 2026, as Word and Excel files.</summary>
public sealed class ReportExportTests : IAsyncLifetime
{
    private TestApp app = default!;
    private ReportView report = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        var scenario = await StatisticsScenario.CreateAsync(app);
        scenario.Data.ActAsStreet(Roles.Coordinator, scenario.Data.Street.Id);
        var id = await app.SendAsync(new GenerateReportDraft(scenario.Data.Street.Id, ReportKind.HalfYearWhitePaper, new DateOnly(2026, 1, 1)));
        var version = await app.SendAsync(new EditReportSuggestions(id, "一是加强源头治理。\n二是强化网格核查。", 0));
        await app.SendAsync(new PublishReport(id, version));
        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.Data.Street.Id);
        report = await app.SendAsync(new GetReport(id));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private IEnumerable<StatTable> ScreenTables() => ReportSections.Figures.SelectMany(s => ReportSections.TablesOf(report.Content, s.Tables));

    [Fact]
    public async Task The_docx_validates_with_no_errors_and_holds_every_table_of_the_report_as_the_screen_shows_it()
    {
        var file = await app.SendAsync(new ExportReportDocx(report.Id));

        Assert.Equal("测试街道2026年上半年涉执白皮书.docx", file.FileName);
        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));

        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        var expected = ScreenTables().ToList();
        Assert.Equal(expected.Count, tables.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var rows = tables[i].Elements<TableRow>().Skip(1).Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => c.InnerText))).ToArray();
            Assert.Equal(Rows(expected[i]), rows);
        }

        var text = body.InnerText;
        Assert.Contains("测试街道2026年上半年涉执白皮书", text, StringComparison.Ordinal);
        Assert.Contains("六、治理建议", text, StringComparison.Ordinal);
        Assert.Contains("二是强化网格核查。", text, StringComparison.Ordinal);
        Assert.Contains("本统计期内无风险预警。", text, StringComparison.Ordinal);
        Assert.Contains("255,000.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docx_sets_chinese_text_in_song_and_headings_in_hei_through_its_styles()
    {
        var file = await app.SendAsync(new ExportReportDocx(report.Id));

        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        Assert.Equal("宋体", styles.DocDefaults!.Descendants<RunFonts>().Single().EastAsia!.Value);
        Assert.Equal("黑体", styles.Elements<Style>().Single(s => s.StyleId == "Heading1").Descendants<RunFonts>().Single().EastAsia!.Value);
        Assert.Equal(6, document.MainDocumentPart.Document!.Body!.Elements<Paragraph>().Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1"));
    }

    [Fact]
    public async Task The_xlsx_has_a_sheet_per_table_with_the_rows_the_screen_shows_and_the_suggestions()
    {
        var file = await app.SendAsync(new ExportReportXlsx(report.Id));

        Assert.Equal("测试街道2026年上半年涉执白皮书.xlsx", file.FileName);
        using var stream = new MemoryStream(file.Content);
        var sheets = MiniExcel.GetSheetNames(stream);
        var expected = ScreenTables().ToList();
        Assert.Equal(expected.Count + 1, sheets.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Localizer[$"Statistics.Table.{expected[i].Id}"].Value, sheets[i]);
            var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheets[i], excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
            var header = rows.FindIndex(r => Equals(r[0], Localizer[$"Statistics.Table.{expected[i].Id}.Rows"].Value));
            Assert.Equal("街道：测试街道", rows[2][0]);
            Assert.Equal(Rows(expected[i]), rows.Skip(header + 1).Select((r, n) => ScreenLine(expected[i], n, r)).ToArray());
        }

        var suggestions = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheets[^1], excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.First()).ToList();
        Assert.Equal(["一是加强源头治理。", "二是强化网格核查。"], suggestions.TakeLast(2));
    }

    [Fact]
    public void A_single_tables_file_from_the_report_page_is_headed_and_named_by_the_report_not_a_statistics_period()
    {
        var export = ReportWorkbook.Table(report.Content.Table("by-community")!, report, Localizer);

        Assert.Equal("按社区_测试街道2026年上半年涉执白皮书_2026-11-27.xlsx", ExportFileName.For(export, ExportFormat.Xlsx));
        Assert.Equal(["报告：测试街道2026年上半年涉执白皮书", "街道：测试街道", "统计期：2026-01-01~2026-06-30", "状态：已发布"], export.DescriptionLines().Take(4));
        Assert.Equal(Rows(report.Content.Table("by-community")!).Length, export.Rows.Count);
    }

    /// <summary>A sheet row written as the screen writes it (a workbook's sheets are as wide as its widest table: the rest is blank).</summary>
    private static string ScreenLine(StatTable table, int index, object?[] cells)
    {
        var row = table.Rows[index];
        return string.Join(" | ", cells.Skip(1).Take(row.Cells.Count).Select((cell, i) =>
        {
            var measure = row.MeasureIn(table.Columns[i]);
            return decimal.TryParse(Convert.ToString(cell, CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && measure != StatMeasure.Percent && measure != StatMeasure.Change
                ? StatValue.Shown(number).Format(measure, CultureInfo.InvariantCulture)
                : Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "";
        }).Prepend(Convert.ToString(cells[0], CultureInfo.InvariantCulture)));
    }
}
