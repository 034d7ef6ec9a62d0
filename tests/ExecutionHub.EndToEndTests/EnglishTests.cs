using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed partial class EnglishTests(AppFixture app) : BrowserTest(app)
{
    [Theory]
    [InlineData("judge.li", "/matters")]
    [InlineData("judge.li", "/matters/new")]
    [InlineData("judge.li", "/matters/1")]
    [InlineData("judge.li", "/dashboard")]
    [InlineData("coord.zhao", "/dashboard")]
    [InlineData("grid.sun", "/tasks")]
    [InlineData("admin", "/admin/users")]
    [InlineData("admin", "/admin/organisation")]
    [InlineData("admin", "/admin/deadlines")]
    [InlineData("admin", "/admin/outbox")]
    [InlineData("admin", "/admin/templates")]
    public Task Every_page_speaks_english_after_the_switch(string userName, string path) =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, userName);
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
            await page.GotoAsync($"/culture/apply?culture=en&returnUrl={Uri.EscapeDataString(path)}");
            await WaitForCircuitAsync(page);
            await page.WaitForTimeoutAsync(500);

            var ui = await page.EvaluateAsync<string>(
                """
                () => Array.from(document.querySelectorAll('h1, h2, h6, th, label, button, .mud-tab, .mud-nav-link-text, .mud-alert-message, .mud-input-helper-text, legend'))
                    .filter(e => !e.closest('td') && !e.closest('[data-data]'))
                    .map(e => e.innerText).join(' | ')
                """);
            // Names are data, not UI: people, courts, streets, communities and grids keep their Chinese names.
            var names = await DataNamesAsync();
            var chinese = ChineseRun().Matches(ui).Select(m => m.Value).Where(text => !names.Any(name => name.Contains(text, StringComparison.Ordinal))).Distinct().ToList();
            Assert.True(chinese.Count == 0, $"{path}: Chinese left in the English UI: {string.Join(", ", chinese)}");
        });

    private async Task<List<string>> DataNamesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Users.Select(u => u.DisplayName).ToListAsync())
            .Concat(await db.Courts.Select(c => c.Name).ToListAsync())
            .Concat(await db.Streets.Select(c => c.Name).ToListAsync())
            .Concat(await db.Communities.Select(c => c.Name).ToListAsync())
            .Concat(await db.Grids.Select(c => c.Name).ToListAsync())
            .Concat(await db.PartnerAgencies.Select(c => c.Name).ToListAsync())
            .Concat(await db.WorkingGroups.Select(c => c.Name).ToListAsync())
            .ToList();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex ChineseRun();
}
