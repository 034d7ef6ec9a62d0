using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Imports;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static ExecutionHub.Tests.Features.Imports.LedgerScenario;

namespace ExecutionHub.Tests.Features.Imports;

/// <summary>The import page against the real pipeline: upload, preview with every error listed, confirm.</summary>
public sealed class LedgerImportPageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private HandBuiltData data = default!;
    private AsyncServiceScope scope;
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
        await using (var db = await app.DbAsync())
        {
            // The page offers the court's judges for new cases: make 法官甲 one.
            var judgeRole = await db.Roles.Where(r => r.Name == Roles.Judge).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = data.Judge.Id, RoleId = judgeRole });
            await db.SaveChangesAsync();
        }

        AddAuthorization().SetAuthorized("coordinator").SetRoles(Roles.Coordinator);
        Services.AddScoped<BrowserDownload>();
        scope = app.Services.CreateAsyncScope();
        dialogs = UseApplication(scope).Dialogs;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_list_each_bad_row_with_its_column_and_reason_and_offer_no_confirmation()
    {
        var rows = FedBackRows.ToArray();
        rows[1] = With(rows[1], LedgerFile.FedBackAt, "2026-11-09T08:00:00+08:00");
        rows[3] = With(rows[3], LedgerFile.MatterType, "asset_boat");
        var page = Render<LedgerImportPage>();
        Assert.NotNull(page.Find("[data-testid=import-empty]"));
        await ChooseJudgeAsync(page, "法官甲");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Csv(rows), "台账.csv", contentType: "text/csv"));

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-testid=import-error]").Count), Patience);
        var errors = page.FindAll("[data-testid=import-error]");
        Assert.Equal(["3", "5"], errors.Select(e => e.QuerySelector("[data-testid=import-error-row]")!.TextContent).ToArray());
        Assert.Equal([LedgerFile.FedBackAt, LedgerFile.MatterType], errors.Select(e => e.QuerySelector("[data-testid=import-error-column]")!.TextContent).ToArray());
        Assert.Contains("不能早于", errors[0].QuerySelector("[data-testid=import-error-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 处错误", page.Find("[data-testid=import-errors-title]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=import-confirm]").HasAttribute("disabled"));
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Matters.CountAsync());
    }

    [Fact]
    public async Task Should_preview_without_saving_then_import_after_confirmation()
    {
        var page = Render<LedgerImportPage>();
        await ChooseJudgeAsync(page, "法官甲");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Csv(FedBackRows), "台账.csv", contentType: "text/csv"));

        await page.WaitForAssertionAsync(() => Assert.Equal(6, page.FindAll("[data-testid=import-preview-row]").Count), Patience);
        Assert.Contains("6", page.Find("[data-testid=import-matters]").TextContent, StringComparison.Ordinal);
        Assert.Contains("王*明", page.Find("[data-testid=import-preview]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", page.Markup, StringComparison.Ordinal);
        await using (var db = await app.DbAsync())
        {
            Assert.Equal(0, await db.Matters.CountAsync());
        }

        var confirming = page.InvokeAsync(() => page.Find("[data-testid=import-confirm]").Click());
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("将新建 6 个事项和 5 个案件", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("确认导入", StringComparison.Ordinal)).ClickAsync(new());
        await confirming.WaitAsync(Patience);

        await page.WaitForAssertionAsync(() => Assert.Contains("新建 6 个事项", page.Find("[data-testid=import-done]").TextContent, StringComparison.Ordinal), Patience);
        await using var check = await app.DbAsync();
        Assert.Equal(6, await check.Matters.CountAsync());
    }

    [Fact]
    public async Task Should_preselect_no_judge_and_name_each_column_in_chinese_beside_its_key_with_an_example_from_the_street()
    {
        var page = Render<LedgerImportPage>();

        await page.WaitForAssertionAsync(() => Assert.Contains("测试街道", page.Find("[data-testid=import-guide]").TextContent, StringComparison.Ordinal), Patience);
        Assert.True(string.IsNullOrEmpty(page.FindComponent<MudSelect<string>>().Find("input").GetAttribute("value")));
        Assert.DoesNotContain("法官甲", page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=import-no-judge]"));
        Assert.Equal(LedgerFile.Columns, page.FindAll("[data-testid=import-guide-key]").Select(k => k.TextContent.Trim()));
        var names = page.FindAll("[data-testid=import-guide-name]").Select(n => n.TextContent.Trim()).ToList();
        Assert.Equal("案号", names[0]);
        Assert.Equal("社区（居委）", names[LedgerFile.Columns.ToList().IndexOf(LedgerFile.Community)]);
        Assert.All(names, n => Assert.DoesNotContain("Import.", n, StringComparison.Ordinal));
        var examples = page.FindAll("[data-testid=import-guide-example]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal("(2026)沪0199执1号", examples[0]);
        Assert.Equal("测试居委", examples[LedgerFile.Columns.ToList().IndexOf(LedgerFile.Community)]);
    }

    [Fact]
    public async Task Should_ask_for_the_judge_of_new_cases_and_check_the_file_again_once_one_is_chosen()
    {
        var page = Render<LedgerImportPage>();
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=import-guide]")), Patience);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Csv(FedBackRows), "台账.csv", contentType: "text/csv"));
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=import-error]")), Patience);
        Assert.All(page.FindAll("[data-testid=import-error-column]"), c => Assert.Equal(LedgerFile.CaseNumber, c.TextContent));

        await ChooseJudgeAsync(page, "法官甲");

        await page.WaitForAssertionAsync(() => Assert.Equal(6, page.FindAll("[data-testid=import-preview-row]").Count), Patience);
        Assert.Empty(page.FindAll("[data-testid=import-error]"));
        Assert.False(page.Find("[data-testid=import-confirm]").HasAttribute("disabled"));
    }

    /// <summary>Opens the judge select and clicks the judge, as a user would.</summary>
    private async Task ChooseJudgeAsync(IRenderedComponent<LedgerImportPage> page, string name)
    {
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=import-guide]")), Patience);
        var select = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(select.Instance.OpenMenu);
        var popovers = Popovers!;
        await popovers.WaitForAssertionAsync(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == name), Patience);
        await popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == name).ClickAsync(new());
    }
}
