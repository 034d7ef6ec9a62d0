using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ExecutionHub.Tests.Features.Dashboard;

public sealed class DashboardExportTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private HandBuiltData data = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Judge);
        Services.AddSingleton<TimeProvider>(app.Clock);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_exported_overdue_queue_holds_the_rows_on_screen_and_names_the_period_and_filters()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        var now = TestApp.Start.UtcDateTime;
        for (var hours = 73; hours <= 77; hours++)
        {
            await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, now.AddHours(-hours), _ => { });
        }

        var filter = new DashboardFilter(DashboardPeriod.ThisMonth, Type: MatterType.DebtorWhereabouts);
        var queues = await app.SendAsync(new GetDashboardQueues(filter));
        var figures = await app.SendAsync(new GetHeadlineFigures(filter));
        var options = await app.SendAsync(new GetDashboardFilterOptions());
        var screen = Render<DashboardQueue>(p => p.Add(x => x.Title, "已超期").Add(x => x.Empty, "无").Add(x => x.TestId, "q").Add(x => x.List, queues.Overdue));
        var onScreen = screen.FindAll("[data-testid=q-row] b").Select(b => b.TextContent).ToList();

        var table = DashboardExport.Queue("已超期", queues.Overdue, DashboardExport.Filters(filter, figures, options), now);
        using var file = new MemoryStream();
        await XlsxExportWriter.WriteAsync(table, file);
        file.Position = 0;
        var cells = MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();
        var header = cells.FindIndex(r => r[0] == "事项编号");
        var exported = cells.Skip(header + 1).Select(r => r[0] ?? "").ToList();

        Assert.Equal(5, onScreen.Count);
        Assert.Equal(onScreen, exported);
        Assert.Contains(cells, r => r[0] != null && r[0]!.Contains("统计期间", StringComparison.Ordinal) && r[0]!.Contains("2026-11-01 至 2026-11-27", StringComparison.Ordinal));
        Assert.Contains(cells, r => r[0] != null && r[0]!.Contains("事项类型：被执行人下落", StringComparison.Ordinal));
        Assert.Contains("2026-11-01至2026-11-27", ExportFileName.For(table, ExportFormat.Xlsx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exported_figure_table_holds_every_card_with_its_value_and_definition()
    {
        var figures = await app.SendAsync(new GetHeadlineFigures(new DashboardFilter()));
        var options = await app.SendAsync(new GetDashboardFilterOptions());
        var cards = Render<HeadlineCards>(p => p.Add(x => x.Figures, figures));

        var table = DashboardExport.Figures(figures, DashboardExport.Filters(new DashboardFilter(), figures, options), TestApp.Start.UtcDateTime);

        var values = cards.FindAll("[data-testid$=-value]").Select(e => e.TextContent).ToList();
        Assert.Equal(values, table.Rows.Select(r => (string)r[1]!).ToList());
        Assert.Equal("—", table.Rows.Single(r => (string)r[0]! == "平均反馈周期（小时）")[1]);
        Assert.All(table.Rows, r => Assert.False(string.IsNullOrEmpty((string?)r[2])));
    }
}
