using ExecutionHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// Issue 16.1: a street or community named like markup (stored before validation refused such names, or
/// written straight into the database) is drawn literally on every chart a judge or coordinator opens,
/// and nothing it says runs. The names are put back afterwards: the app is shared by the collection.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileChartLabelTests(AppFixture app) : BrowserTest(app)
{
    private const string HostileStreet = "<img src=x onerror=\"window.__hostile=1\">定海";
    private const string HostileCommunity = "<script>window.__hostile=2</script>隆昌";

    [Fact]
    public async Task Should_show_a_street_and_a_community_named_like_markup_literally_on_every_chart_and_run_nothing()
    {
        await RenameAsync("定海路街道", HostileStreet, "隆昌路居委", HostileCommunity);
        try
        {
            await OnPageAsync(async page =>
            {
                var dialogs = 0;
                page.Dialog += (_, dialog) =>
                {
                    dialogs++;
                    _ = dialog.DismissAsync();
                };

                await SignInAsync(page, "judge.wang");
                await page.GotoAsync("/dashboard");
                await WaitForCircuitAsync(page);
                foreach (var chart in new[] { "chart-street", "chart-on-time" })
                {
                    await Expect(page.GetByTestId(chart).Locator(".app-chart-label title")).ToContainTextAsync([HostileStreet]);
                }

                await page.GotoAsync("/statistics");
                await WaitForCircuitAsync(page);
                await Expect(page.GetByTestId("stat-heat")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("statistics-tables").Locator(".app-chart-label title").Filter(new() { HasText = HostileStreet }).First).ToBeAttachedAsync();
                await AssertNothingRanAsync(page, () => dialogs);

                await page.Context.ClearCookiesAsync();
                await SignInAsync(page, "coord.zhao");
                await page.GotoAsync("/statistics");
                await WaitForCircuitAsync(page);
                await Expect(page.GetByTestId("stat-by-community").Locator(".app-chart-label title").Filter(new() { HasText = HostileCommunity }).First).ToBeAttachedAsync();
                await AssertNothingRanAsync(page, () => dialogs);
            });
        }
        finally
        {
            await RenameAsync(HostileStreet, "定海路街道", HostileCommunity, "隆昌路居委");
        }
    }

    private static async Task AssertNothingRanAsync(IPage page, Func<int> dialogs)
    {
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__hostile ?? null"));
        Assert.Equal(0, await page.Locator("[data-testid=dashboard-charts] img, [data-testid=statistics-tables] img, svg script").CountAsync());
        Assert.Equal(0, dialogs());
    }

    private async Task RenameAsync(string street, string newStreet, string community, string newCommunity)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Streets.Where(s => s.Name == street).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, newStreet));
        await db.Communities.Where(c => c.Name == community).ExecuteUpdateAsync(c => c.SetProperty(x => x.Name, newCommunity));
    }
}
