using Bunit;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecutionHub.Tests.Components.Shared;

public sealed class ExportMenuTests : BunitTestBase
{
    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly IRenderedComponent<MudSnackbarProvider> snackbars;
    private readonly BunitJSModuleInterop module;

    public ExportMenuTests()
    {
        Services.AddScoped<BrowserDownload>();
        module = JSInterop.SetupModule(BrowserDownload.Module);
        module.SetupVoid("saveFile", _ => true).SetVoidResult();
        popovers = Render<MudPopoverProvider>();
        snackbars = Render<MudSnackbarProvider>();
    }

    private static ExportTable Table() => new()
    {
        Title = "事项",
        Filters = [new ExportFilter("街道", "平凉路街道")],
        ExportedAtUtc = TestApp.Start.UtcDateTime,
        Headers = ["事项编号", "对象"],
        Rows = [["ZX-2026-00001", "张*丰"]],
    };

    private IRenderedComponent<ExportMenu> RenderMenu(Func<Task<ExportTable?>> build) =>
        Render<ExportMenu>(p => p.Add(x => x.Build, build));

    /// <summary>Opens the menu and picks <paramref name="item"/>; the task ends when the export has.</summary>
    private async Task ChooseAsync(IRenderedComponent<ExportMenu> menu, string item)
    {
        await menu.Find("[data-testid=export-button]").ClickAsync();
        await popovers.WaitForAssertionAsync(() => Assert.NotEmpty(popovers.FindAll($"[data-testid={item}]")));
        await popovers.Find($"[data-testid={item}]").ClickAsync();
    }

    [Fact]
    public async Task Should_offer_excel_and_csv_when_opened()
    {
        var menu = RenderMenu(() => Task.FromResult<ExportTable?>(Table()));

        Assert.Contains("导出", menu.Find("[data-testid=export-button]").TextContent, StringComparison.Ordinal);
        await menu.Find("[data-testid=export-button]").ClickAsync();

        await popovers.WaitForAssertionAsync(() =>
        {
            Assert.Contains("Excel (XLSX)", popovers.Find("[data-testid=export-xlsx]").TextContent, StringComparison.Ordinal);
            Assert.Contains("CSV", popovers.Find("[data-testid=export-csv]").TextContent, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("export-xlsx", "事项_平凉路街道_2026-11-27.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("export-csv", "事项_平凉路街道_2026-11-27.csv", "text/csv;charset=utf-8")]
    public async Task Should_build_the_table_when_a_format_is_chosen_and_download_it_named_after_its_title_filters_and_date(string item, string fileName, string contentType)
    {
        var builds = 0;
        var menu = RenderMenu(() =>
        {
            builds++;
            return Task.FromResult<ExportTable?>(Table());
        });

        await ChooseAsync(menu, item);

        await menu.WaitForAssertionAsync(() => Assert.Single(module.Invocations["saveFile"]));
        Assert.Equal(1, builds);
        var download = module.VerifyInvoke("saveFile");
        Assert.Equal(fileName, download.Arguments[0]);
        Assert.Equal(contentType, download.Arguments[1]);
        Assert.DoesNotContain("导出失败", snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_progress_while_the_table_is_being_built_and_the_menu_again_afterwards()
    {
        var table = new TaskCompletionSource<ExportTable?>();
        var menu = RenderMenu(() => table.Task);

        var export = ChooseAsync(menu, "export-xlsx");

        await menu.WaitForAssertionAsync(() => Assert.NotEmpty(menu.FindAll("[data-testid=export-progress]")));
        Assert.True(menu.Find("[data-testid=export-button]").HasAttribute("disabled"));

        table.SetResult(Table());
        await export;

        await menu.WaitForAssertionAsync(() => Assert.Empty(menu.FindAll("[data-testid=export-progress]")));
        Assert.False(menu.Find("[data-testid=export-button]").HasAttribute("disabled"));
        Assert.Single(module.Invocations["saveFile"]);
    }

    [Fact]
    public async Task Should_show_an_error_and_download_nothing_when_building_the_table_fails()
    {
        var menu = RenderMenu(() => throw new InvalidOperationException("database is gone"));

        await ChooseAsync(menu, "export-csv");

        await snackbars.WaitForAssertionAsync(() => Assert.Contains("导出失败，请稍后再试。", snackbars.Markup, StringComparison.Ordinal));
        Assert.Empty(module.Invocations["saveFile"]);
        Assert.Empty(menu.FindAll("[data-testid=export-progress]"));
    }

    [Fact]
    public async Task Should_download_nothing_when_the_builder_has_no_table_to_give()
    {
        var builds = 0;
        var menu = RenderMenu(() =>
        {
            builds++;
            return Task.FromResult<ExportTable?>(null);
        });

        await ChooseAsync(menu, "export-xlsx");

        await menu.WaitForAssertionAsync(() => Assert.Equal(1, builds));
        Assert.Empty(module.Invocations["saveFile"]);
        Assert.DoesNotContain("导出失败", snackbars.Markup, StringComparison.Ordinal);
    }
}
