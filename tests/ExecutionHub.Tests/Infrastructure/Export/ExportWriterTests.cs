using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using CsvHelper;
using ExecutionHub.Web.Infrastructure.Export;
using MiniExcelLibs;

namespace ExecutionHub.Tests.Infrastructure.Export;

public sealed class ExportWriterTests : IDisposable
{
    private static readonly DateTime ExportedAt = new(2026, 11, 27, 1, 30, 0, DateTimeKind.Utc);
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;

    public ExportWriterTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = previousUiCulture;
        CultureInfo.CurrentCulture = previousCulture;
    }

    private static ExportTable Table(params object?[][] rows) => new()
    {
        Title = "待反馈事项",
        Filters = [new ExportFilter("街道", "平凉路街道"), new ExportFilter("状态", "已分派、已登记")],
        ExportedAtUtc = ExportedAt,
        Headers = ["事项编号", "对象", "在办任务", "标的金额", "反馈期限"],
        Rows = rows,
    };

    private static async Task<List<object?[]>> ReadXlsxAsync(ExportTable table)
    {
        using var file = new MemoryStream();
        await XlsxExportWriter.WriteAsync(table, file);
        file.Position = 0;
        var rows = new List<object?[]>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add(row.Values.ToArray());
        }

        return rows;
    }

    [Fact]
    public async Task Should_write_title_filters_export_time_blank_row_header_and_exactly_the_given_rows_to_xlsx()
    {
        var table = Table(
            ["ZX-2026-00001", "张*丰", 2, 12_500.5m, new DateTime(2026, 11, 28, 1, 30, 0, DateTimeKind.Utc)],
            ["ZX-2026-00002", "上海某某贸易有限公司", 0, null, null]);

        var rows = await ReadXlsxAsync(table);

        Assert.Equal(8, rows.Count);
        Assert.Equal("待反馈事项", rows[0][0]);
        Assert.Equal("街道：平凉路街道", rows[1][0]);
        Assert.Equal("状态：已分派、已登记", rows[2][0]);
        Assert.Equal("导出时间：2026-11-27 09:30", rows[3][0]);
        Assert.All(rows[4], cell => Assert.Null(cell));
        Assert.Equal(["事项编号", "对象", "在办任务", "标的金额", "反馈期限"], rows[5]);
        Assert.Equal(["ZX-2026-00001", "张*丰", 2d, 12_500.5d, new DateTime(2026, 11, 28, 9, 30, 0)], rows[6]);
        Assert.Equal(["ZX-2026-00002", "上海某某贸易有限公司", 0d, null, null], rows[7]);
    }

    /// <summary>The sheet's cells by reference (A1, B7 …), as Excel reads them.</summary>
    private static async Task<Dictionary<string, XElement>> SheetCellsAsync(ExportTable table)
    {
        using var file = new MemoryStream();
        await XlsxExportWriter.WriteAsync(table, file);
        using var zip = new ZipArchive(new MemoryStream(file.ToArray()));
        await using var sheetXml = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var ns = XNamespace.Get("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        return XDocument.Load(sheetXml).Descendants(ns + "c").ToDictionary(c => (string)c.Attribute("r")!);
    }

    [Fact]
    public async Task Should_write_numbers_as_numeric_cells_and_text_that_looks_like_a_number_as_text()
    {
        var cells = await SheetCellsAsync(Table(["00123", "-5", 3, -7.25m, null]));

        Assert.Equal("00123", cells["A7"].Value);
        Assert.NotEqual("n", (string?)cells["A7"].Attribute("t"));
        Assert.NotEqual("n", (string?)cells["B7"].Attribute("t"));
        Assert.Equal("3", cells["C7"].Value);
        Assert.Equal("n", (string?)cells["C7"].Attribute("t") ?? "n");
        Assert.Equal("-7.25", cells["D7"].Value);
        Assert.Equal("n", (string?)cells["D7"].Attribute("t") ?? "n");
    }

    [Fact]
    public async Task Should_leave_the_cells_beside_the_title_and_filter_lines_truly_blank_so_excel_shows_those_lines_in_full()
    {
        var cells = await SheetCellsAsync(Table(["ZX-1", null, 1, null, null]));

        // A cell holding "" stops the text to its left from spilling over it; a cell with no value does not.
        Assert.All(new[] { "B1", "C1", "E1", "B2", "E4", "A5", "E5", "B7", "D7" }, reference =>
            Assert.True(!cells.TryGetValue(reference, out var cell) || (cell.Attribute("t") is null && cell.Value.Length == 0), $"{reference} is not blank"));
    }

    [Fact]
    public async Task Should_say_no_filters_were_applied_when_there_were_none()
    {
        var rows = await ReadXlsxAsync(Table() with { Filters = [] });

        Assert.Equal("筛选条件：无", rows[1][0]);
        Assert.Equal("导出时间：2026-11-27 09:30", rows[2][0]);
        Assert.Equal("事项编号", rows[4][0]);
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public async Task Should_write_notes_below_the_export_time()
    {
        var rows = await ReadXlsxAsync(Table() with { Notes = ["仅导出了前 10,000 条"] });

        Assert.Equal("导出时间：2026-11-27 09:30", rows[3][0]);
        Assert.Equal("仅导出了前 10,000 条", rows[4][0]);
    }

    [Theory]
    [InlineData("待反馈事项", "待反馈事项")]
    [InlineData("事项 [平凉路]: 2026/11/27?*", "事项 _平凉路__ 2026_11_27__")]
    [InlineData("'引号'", "引号")]
    [InlineData("   ", "Sheet1")]
    [InlineData("history", "history_")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void Should_name_the_sheet_after_the_title_within_excels_rules(string title, string expected)
    {
        var name = XlsxExportWriter.SheetName(title);

        Assert.Equal(expected, name);
        Assert.InRange(name.Length, 1, 31);
    }

    [Fact]
    public async Task Should_name_the_worksheet_after_the_title()
    {
        using var file = new MemoryStream();
        await XlsxExportWriter.WriteAsync(Table() with { Title = "事项/平凉路" }, file);
        file.Position = 0;

        Assert.Equal(["事项_平凉路"], MiniExcel.GetSheetNames(file));
    }

    [Fact]
    public async Task Should_refuse_a_row_whose_cells_do_not_match_the_headers()
    {
        using var file = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => XlsxExportWriter.WriteAsync(Table(["ZX-1", "张*丰"]), file));
        await Assert.ThrowsAsync<InvalidOperationException>(() => CsvExportWriter.WriteAsync(Table(["ZX-1", "张*丰"]), file));
    }

    private static async Task<(byte[] Bytes, List<string[]> Records)> WriteCsvAsync(ExportTable table)
    {
        using var file = new MemoryStream();
        await CsvExportWriter.WriteAsync(table, file);
        var bytes = file.ToArray();
        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false }, leaveOpen: false);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        return (bytes, records);
    }

    [Fact]
    public async Task Should_start_csv_with_a_utf8_byte_order_mark_so_excel_reads_chinese()
    {
        var (bytes, _) = await WriteCsvAsync(Table(["ZX-1", "张*丰", 1, 2m, null]));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("张*丰", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_round_trip_csv_with_commas_quotes_newlines_and_chinese_text()
    {
        var awkward = "北京市朝阳区, \"某某\"大厦\n3号楼";
        var (bytes, records) = await WriteCsvAsync(Table(
            ["ZX-2026-00001", awkward, 2, 12_500.5m, new DateTime(2026, 11, 28, 1, 30, 0, DateTimeKind.Utc)],
            ["ZX-2026-00002", "张*丰", 0, null, null]));

        Assert.Equal(
        [
            ["# 待反馈事项", "", "", "", ""],
            ["# 街道：平凉路街道", "", "", "", ""],
            ["# 状态：已分派、已登记", "", "", "", ""],
            ["# 导出时间：2026-11-27 09:30", "", "", "", ""],
            ["", "", "", "", ""],
            ["事项编号", "对象", "在办任务", "标的金额", "反馈期限"],
            ["ZX-2026-00001", awkward, "2", "12500.5", "2026-11-28 09:30"],
            ["ZX-2026-00002", "张*丰", "0", "", ""],
        ], records);
        Assert.Contains("\"北京市朝阳区, \"\"某某\"\"大厦\n3号楼\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.EndsWith("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_csv_text_that_excel_would_run_as_a_formula_from_running_but_leave_negative_numbers_alone()
    {
        var (_, records) = await WriteCsvAsync(Table(["=HYPERLINK(\"http://x\")", "@SUM(A1)", -3, -7.25m, null]));

        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "-3", "-7.25", ""], records[^1]);
    }

    [Fact]
    public async Task Should_write_the_same_table_through_the_format_it_is_asked_for()
    {
        using var xlsx = new MemoryStream();
        using var csv = new MemoryStream();

        await ExportWriter.WriteAsync(Table(), ExportFormat.Xlsx, xlsx);
        await ExportWriter.WriteAsync(Table(), ExportFormat.Csv, csv);

        Assert.Equal("PK"u8.ToArray(), xlsx.ToArray()[..2]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv.ToArray()[..3]);
    }
}
