using System.Globalization;
using CsvHelper;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Export;
using MiniExcelLibs;
using static ExecutionHub.Tests.Features.Statistics.StatisticsText;

namespace ExecutionHub.Tests.Features.Statistics;

public sealed class StatisticsExportTests : IAsyncLifetime
{
    private TestApp app = default!;
    private StreetStatistics statistics = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        var scenario = await StatisticsScenario.CreateAsync(app);
        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.Data.Street.Id);
        statistics = await app.SendAsync(new GetStreetStatistics(new StatisticsPeriod(StatisticsPeriodKind.ThisYear)));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Every_table_exports_to_xlsx_with_the_rows_the_screen_shows()
    {
        foreach (var table in statistics.Tables)
        {
            var export = StatisticsExport.Create(table, statistics, StatisticsPeriodKind.ThisYear, Localizer);
            using var file = new MemoryStream();
            await ExportWriter.WriteAsync(export, ExportFormat.Xlsx, file);
            file.Position = 0;
            var rows = MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();

            var header = rows.FindIndex(r => Equals(r[0], export.Headers[0]));
            Assert.Equal(export.Headers, rows[header].Select(c => c?.ToString()));
            Assert.Equal(Rows(table), rows.Skip(header + 1).Select((r, i) => ScreenLine(table, i, r)).ToArray());
        }
    }

    [Fact]
    public async Task Every_table_exports_to_csv_with_the_rows_the_screen_shows()
    {
        foreach (var table in statistics.Tables)
        {
            var export = StatisticsExport.Create(table, statistics, StatisticsPeriodKind.ThisYear, Localizer);
            using var file = new MemoryStream();
            await ExportWriter.WriteAsync(export, ExportFormat.Csv, file);
            using var reader = CsvReader.Create(new MemoryStream(file.ToArray()), new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false }, leaveOpen: false);
            var records = new List<string[]>();
            while (reader.Read())
            {
                records.Add(reader.Current.ToArray());
            }

            var header = records.FindIndex(r => r[0] == export.Headers[0]);
            Assert.Equal(Rows(table), records.Skip(header + 1).Select((r, i) => ScreenLine(table, i, r)).ToArray());
        }
    }

    [Fact]
    public async Task A_suppressed_amount_exports_as_a_dash_with_the_footnote_in_csv_and_xlsx_and_its_count_as_less_than_three()
    {
        var export = StatisticsExport.Create(statistics.Table("by-cause"), statistics, StatisticsPeriodKind.ThisYear, Localizer);
        var footnote = Localizer["Statistics.AmountSuppressed"].Value;

        using var csv = new MemoryStream();
        await ExportWriter.WriteAsync(export, ExportFormat.Csv, csv);
        using var reader = CsvReader.Create(new MemoryStream(csv.ToArray()), new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false }, leaveOpen: false);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        Assert.Equal(["买卖合同纠纷", "<3", "—", "—", "—"], records.Single(r => r[0] == "买卖合同纠纷"));
        Assert.Contains(records, r => r[0] == "# " + footnote);

        using var xlsx = new MemoryStream();
        await ExportWriter.WriteAsync(export, ExportFormat.Xlsx, xlsx);
        xlsx.Position = 0;
        var rows = MiniExcel.Query(xlsx, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();
        Assert.Equal(["买卖合同纠纷", "<3", "—", "—", "—"], rows.Single(r => r[0] == "买卖合同纠纷").Take(5));
        Assert.Contains(rows, r => r.Any(cell => cell?.EndsWith(footnote, StringComparison.Ordinal) == true));
    }

    [Fact]
    public void The_file_is_named_after_the_table_the_street_and_the_period()
    {
        var export = StatisticsExport.Create(statistics.Table("by-community"), statistics, StatisticsPeriodKind.ThisYear, Localizer);

        Assert.Equal("按社区_测试街道_2026-01-01~2026-11-27_2026-11-27.xlsx", ExportFileName.For(export, ExportFormat.Xlsx));
        Assert.Equal(["街道：测试街道", "统计期：本年 2026-01-01~2026-11-27", "对比上期：2025-01-01~2025-11-27"], export.DescriptionLines().Take(3));
    }

    /// <summary>A file row written the way the screen writes it: numbers in the screen's format, text as it is.</summary>
    private static string ScreenLine(StatTable table, int index, IReadOnlyList<object?> cells)
    {
        var row = table.Rows[index];
        return string.Join(" | ", cells.Skip(1).Select((cell, i) =>
        {
            var measure = row.MeasureIn(table.Columns[i]);
            return decimal.TryParse(Convert.ToString(cell, CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && measure != StatMeasure.Percent && measure != StatMeasure.Change
                ? StatValue.Shown(number).Format(measure, CultureInfo.InvariantCulture)
                : Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "";
        }).Prepend(Convert.ToString(cells[0], CultureInfo.InvariantCulture)));
    }
}
