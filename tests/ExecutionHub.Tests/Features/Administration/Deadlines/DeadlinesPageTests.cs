using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Features.Administration.Deadlines;
using ExecutionHub.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Administration.Deadlines;

/// <summary>The page against the real pipeline and a demo database.</summary>
public sealed class DeadlinesPageTests : BunitTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    private void UseApp(AsyncServiceScope scope) => dialogs = UseApplication(scope).Dialogs;

    [Fact]
    public async Task Administrator_sees_the_three_tabs_and_a_policy_row_for_each_of_the_7_matter_types()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);

        var page = Render<DeadlinesPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(7, page.FindAll("[data-testid=policy-type]").Count), Patience);
        Assert.Equal(
            ["被执行人下落/作息核查", "财产线索核查", "家庭经济状况调查", "执行财产线索接转", "司法救助申请", "恢复执行申请", "他院委托调查"],
            page.FindAll("[data-testid=policy-type]").Select(e => e.TextContent.Trim()));
        Assert.All(page.FindAll("[data-testid=policy-window-value]"), e => Assert.Equal("72 小时", e.TextContent.Trim()));
        var tabs = page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["期限策略", "工作日历", "升级督办"], tabs);
    }

    [Fact]
    public async Task Loading_the_official_2026_list_and_importing_it_fills_the_calendar()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await using var scope = app.Services.CreateAsyncScope();
        UseApp(scope);
        var page = Render<DeadlinesPage>();
        await page.WaitForElementAsync("[data-testid=policy-type]", Patience);

        await page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("工作日历")).ClickAsync();
        await page.WaitForElementAsync("[data-testid=calendar-import]", Patience);
        page.Find("[data-testid=calendar-import]").Click();
        await dialogs.WaitForElementAsync("[data-testid=import-load-official-2026]", Patience);
        await dialogs.Find("[data-testid=import-load-official-2026]").ClickAsync();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("2026-10-10 班 国庆节调休", dialogs.Markup), Patience);
        await dialogs.Find("[data-testid=import-save]").ClickAsync();

        await page.WaitForAssertionAsync(() => Assert.Contains("导入完成", page.Find("[data-testid=calendar-import-result]").TextContent), Patience);
        Assert.Equal(39, page.FindAll("[data-testid=calendar-date]").Count);
        Assert.Equal(6, page.FindAll("[data-testid=calendar-kind]").Count(e => e.TextContent.Contains("调休上班")));
        await using var db = await app.DbAsync();
        Assert.Equal(39, await db.CalendarDays.CountAsync(d => d.Date >= new DateOnly(2026, 1, 1) && d.Date <= new DateOnly(2026, 12, 31)));
    }
}
