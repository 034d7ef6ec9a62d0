using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Features.Administration.Organisation;
using ExecutionHub.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

/// <summary>
/// The page against the real pipeline and a demo database: components get the handler-test
/// host's mediator and validators, so what the page shows is what the server decides.
/// </summary>
public sealed class OrganisationPageTests : BunitTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Buttons that open a dialog are clicked without awaiting: their handler awaits the dialog's result.
    private IRenderedComponent<MudDialogProvider> dialogs = default!;
    private IRenderedComponent<MudSnackbarProvider> snackbars = default!;

    private void UseApp(AsyncServiceScope scope) => (dialogs, snackbars) = UseApplication(scope);

    [Fact]
    public async Task Administrator_sees_the_demo_streets_and_the_workers_of_the_first_streets_grids()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);

        var page = Render<OrganisationPage>();

        await page.WaitForAssertionAsync(
            () => Assert.Equal(["平凉路街道", "定海路街道"], page.FindAll("[data-testid=org-street-name]").Select(e => e.TextContent.Trim())),
            Patience);
        Assert.Contains("平凉一居委第1网格", page.FindAll("[data-testid=org-grid-name]").Select(e => e.TextContent));
        Assert.Contains(page.FindAll("[data-testid=org-grid-worker]"), e => e.TextContent.Contains("刘建国"));
        Assert.NotEmpty(page.FindAll("[data-testid=org-add-street]"));
    }

    [Fact]
    public async Task Coordinator_sees_only_their_street_and_cannot_add_streets()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.zhao");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);

        var page = Render<OrganisationPage>();

        await page.WaitForAssertionAsync(
            () => Assert.Equal(["定海路街道"], page.FindAll("[data-testid=org-street-name]").Select(e => e.TextContent.Trim())),
            Patience);
        Assert.Empty(page.FindAll("[data-testid=org-add-street]"));
        Assert.Empty(page.FindAll("[data-testid=org-add-court]"));
        Assert.NotEmpty(page.FindAll("[data-testid=org-add-community]"));
    }

    [Fact]
    public async Task Dialog_shows_the_duplicate_name_under_the_field_and_saves_nothing()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);
        var page = Render<OrganisationPage>();
        await page.WaitForElementAsync("[data-testid=org-add-community]", Patience);

        page.Find("[data-testid=org-add-community]").Click();
        await dialogs.WaitForElementAsync("[data-testid=org-unit-dialog] input", Patience);
        await dialogs.Find("[data-testid=org-unit-dialog] input").ChangeAsync("河间路居委");
        await dialogs.Find("[data-testid=org-unit-save]").ClickAsync();

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("该街道下已有同名社区。", dialogs.Markup), Patience);
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Communities.CountAsync(c => c.Name == "河间路居委"));
        Assert.Empty(await db.Audit.ToListAsync());
    }

    [Fact]
    public async Task Editing_a_community_shows_its_code_refuses_one_outside_the_streets_division_under_the_field_then_saves_a_good_one()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);
        var page = Render<OrganisationPage>();
        await page.WaitForElementAsync("[data-testid=org-rename-community]", Patience);
        Assert.Equal("310110002001", page.FindAll("[data-testid=org-community-code]")[0].TextContent.Trim());

        page.FindAll("[data-testid=org-rename-community]")[0].Click();
        await dialogs.WaitForElementAsync("[data-testid=org-unit-dialog] input", Patience);
        var code = dialogs.FindAll("[data-testid=org-unit-dialog] input")[1];
        Assert.Equal("310110002001", code.GetAttribute("value"));
        await code.ChangeAsync("310110001001");
        await dialogs.Find("[data-testid=org-unit-save]").ClickAsync();

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("代码须以所属街道的 9 位行政区划代码开头。", dialogs.Markup), Patience);
        await using (var db = await app.DbAsync())
        {
            Assert.Equal("310110002001", await db.Communities.Where(c => c.Name == "平凉一居委").Select(c => c.Code).SingleAsync());
        }

        await dialogs.FindAll("[data-testid=org-unit-dialog] input")[1].ChangeAsync("310110002011");
        await dialogs.Find("[data-testid=org-unit-save]").ClickAsync();

        await page.WaitForAssertionAsync(
            () => Assert.Equal("310110002011", page.FindAll("[data-testid=org-community-code]")[0].TextContent.Trim()),
            Patience);
    }

    [Fact]
    public async Task Coordinator_adds_a_community_through_the_dialog_and_sees_it_listed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);
        var page = Render<OrganisationPage>();
        await page.WaitForElementAsync("[data-testid=org-add-community]", Patience);

        page.Find("[data-testid=org-add-community]").Click();
        await dialogs.WaitForElementAsync("[data-testid=org-unit-dialog] input", Patience);
        await dialogs.Find("[data-testid=org-unit-dialog] input").ChangeAsync("新华居委");
        await dialogs.Find("[data-testid=org-unit-save]").ClickAsync();

        await page.WaitForAssertionAsync(
            () => Assert.Contains("新华居委", page.FindAll("[data-testid=org-community-name]").Select(e => e.TextContent)),
            Patience);
        Assert.Empty(dialogs.FindAll("[data-testid=org-unit-dialog]"));
        Assert.Contains("已保存。", snackbars.Markup);
    }

    [Fact]
    public async Task Deleting_a_grid_with_workers_asks_first_then_explains_the_refusal()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);
        var page = Render<OrganisationPage>();
        await page.WaitForElementAsync("[data-testid=org-delete-grid]", Patience);

        page.FindAll("[data-testid=org-delete-grid]")[0].Click();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("此操作不可撤销", dialogs.Markup), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "删除").ClickAsync();

        await snackbars.WaitForAssertionAsync(() => Assert.Contains("请先在用户管理中调整其所属网格", snackbars.Markup), Patience);
        await using var db = await app.DbAsync();
        Assert.Equal(12, await db.Grids.CountAsync(g => g.Community!.Street!.Name == OrgTestData.Pingliang));
    }
}
