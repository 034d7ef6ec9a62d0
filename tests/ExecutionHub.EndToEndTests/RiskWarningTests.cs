using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class RiskWarningTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_coordinator_tags_a_case_urban_renewal_runs_the_rules_now_and_the_bell_leads_to_the_new_warning() =>
        OnPageAsync(async page =>
        {
            var caseId = await UntaggedOpenCaseAsync("定海路街道");
            await SignInAsync(page, "coord.zhao");
            await InChineseAsync(page, $"/cases/{caseId}");
            await WaitForCircuitAsync(page);
            var before = int.Parse(await page.GetByTestId("notification-bell").GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

            await page.Locator("input[data-testid=case-tag-UrbanRenewal], [data-testid=case-tag-UrbanRenewal] input").CheckAsync();
            await page.GetByTestId("case-tags-save").ClickAsync();
            await Expect(page.Locator("[data-testid=timeline-entry][data-event='Timeline.CaseTagsChanged']")).ToContainTextAsync("新增：城市更新");

            await page.GetByTestId("nav-warnings").ClickAsync();
            await page.GetByTestId("warnings-run").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "研判完成" })).ToContainTextAsync("研判完成：新增 1 条");
            await Expect(page.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-unread", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

            await page.GetByTestId("notification-bell").ClickAsync();
            await page.GetByTestId("notification-item").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/warnings/[0-9]+$"));
            await Expect(page.GetByTestId("warning-title")).ToHaveTextAsync("重点关注案件：城市更新");
            await Expect(page.GetByTestId("warning-detail").GetByTestId("warning-evidence")).ToContainTextAsync("“城市更新”");
        });

    [Fact]
    public Task The_administrator_tunes_a_rules_threshold_and_suggested_action_and_they_stay_after_a_reload() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await InChineseAsync(page, "/admin/warning-rules");
            await WaitForCircuitAsync(page);
            var rule = page.GetByTestId("rule-IndustrySpike");
            var threshold = page.Locator("input[data-testid=rule-threshold-IndustrySpike], [data-testid=rule-threshold-IndustrySpike] input");

            await threshold.FillAsync("6");
            await page.Locator("textarea[data-testid=rule-action-IndustrySpike], [data-testid=rule-action-IndustrySpike] textarea").FillAsync("走访该行业重点企业，了解用工状况");
            await rule.GetByTestId("rule-save-IndustrySpike").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");

            await page.ReloadAsync();
            await WaitForCircuitAsync(page);
            await Expect(threshold).ToHaveValueAsync("6");
            await Expect(page.Locator("textarea[data-testid=rule-action-IndustrySpike], [data-testid=rule-action-IndustrySpike] textarea")).ToHaveValueAsync("走访该行业重点企业，了解用工状况");
        });

    /// <summary>Other tests switch these accounts to English, and the choice is kept per user.</summary>
    private static async Task InChineseAsync(IPage page, string path)
    {
        await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
        await page.GotoAsync($"/culture/apply?culture=zh-CN&returnUrl={Uri.EscapeDataString(path)}");
    }

    private async Task<int> UntaggedOpenCaseAsync(string street)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Cases
            .Where(c => c.Tags == CaseTags.None && c.Status == CaseStatus.InExecution && db.Streets.Any(s => s.Id == c.StreetId && s.Name == street))
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }
}
