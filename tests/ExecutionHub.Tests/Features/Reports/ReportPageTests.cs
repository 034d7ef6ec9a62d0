using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Features.Statistics;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Reports;
using ExecutionHub.Web.Infrastructure.Export;
using System.Globalization;
using System.Security.Claims;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Reports;

public sealed class ReportPageTests : BunitTestBase
{
    public ReportPageTests() => Services.AddScoped<BrowserDownload>();

    [Fact]
    public async Task A_coordinator_writes_the_suggestions_publishes_after_confirming_and_the_page_becomes_read_only()
    {
        await using var app = await TestApp.CreateAsync();
        var scenario = await StatisticsScenario.CreateAsync(app);
        scenario.Data.ActAsStreet(Roles.Coordinator, scenario.Data.Street.Id);
        var id = await app.SendAsync(new GenerateReportDraft(scenario.Data.Street.Id, ReportKind.HalfYearWhitePaper, new DateOnly(2026, 1, 1)));
        await using var scope = app.Services.CreateAsyncScope();
        var (dialogs, _) = UseApplication(scope);

        var page = Render<ReportPage>(p => p.Add(x => x.Id, id));
        await page.WaitForAssertionAsync(() => Assert.Equal("Draft", page.Find("[data-testid=report]").GetAttribute("data-state")), TimeSpan.FromSeconds(10));
        Assert.Contains("测试街道2026年上半年涉执白皮书", page.Find("[data-testid=report-title]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=report-no-warnings]"));

        await page.Find("[data-testid=report-section-suggestions] textarea").InputAsync(new() { Value = "一是加强民间借贷纠纷源头治理。" });
        await page.Find("[data-testid=report-suggestions-save]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-testid=report-suggestions-unsaved]")));

        // The click waits for the confirmation, so it completes only once "publish" is chosen in the dialog.
        var publishing = page.Find("[data-testid=report-publish]").ClickAsync(new());
        await dialogs.WaitForAssertionAsync(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog-actions button")));
        Assert.Contains("冻结", dialogs.Markup, StringComparison.Ordinal);
        await dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "发布").ClickAsync(new());
        await publishing;

        await page.WaitForAssertionAsync(() => Assert.Equal("Published", page.Find("[data-testid=report]").GetAttribute("data-state")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=report-publish]"));
        Assert.Empty(page.FindAll("[data-testid=report-regenerate]"));
        Assert.Empty(page.FindAll("[data-testid=report-section-suggestions] textarea"));
        Assert.Contains("一是加强民间借贷纠纷源头治理。", page.Find("[data-testid=report-suggestions]").TextContent, StringComparison.Ordinal);
        Assert.Equal(ReportState.Published, (await app.SendAsync(new GetReport(id))).State);
    }

    [Fact]
    public async Task The_list_tells_a_street_officer_there_are_no_reports_yet_and_offers_no_drafting()
    {
        await using var app = await TestApp.CreateAsync();
        var scenario = await StatisticsScenario.CreateAsync(app);
        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.Data.Street.Id);
        AddAuthorization().SetAuthorized("street").SetRoles(Roles.StreetOfficer)
            .SetClaims(new Claim(ScopeClaims.Street, scenario.Data.Street.Id.ToString(CultureInfo.InvariantCulture)));
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var page = Render<ReportsPage>();
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=reports-empty]")), TimeSpan.FromSeconds(10));
        Assert.Contains("还没有报告", page.Find("[data-testid=reports-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=reports-new]"));
    }
}
