using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class CaseListTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task A_judge_finds_a_case_by_its_respondents_name_refers_from_it_with_the_address_on_file_and_the_reveal_is_audited() =>
        OnPageAsync(async page =>
        {
            var target = await JudgesCaseWithAnAddressAsync();

            await SignInAsync(page, "judge.wang");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
            await WaitForCircuitAsync(page);
            await page.GetByTestId("nav-cases").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cases$"));
            await WaitForCircuitAsync(page);

            // The list shows names masked; the judge types the whole name he knows.
            await Expect(page.GetByTestId("case-row-link").First).ToBeVisibleAsync();
            await page.GetByTestId("cases-search").FillAsync(target.Name);
            var row = page.GetByTestId("case-row-link").Filter(new() { HasTextString = target.CaseNumber });
            await Expect(row).ToBeVisibleAsync();
            await Expect(page.GetByTestId("cases-grid")).Not.ToContainTextAsync(target.Name);
            await row.ClickAsync();
            await Expect(page.GetByTestId("case-number")).ToHaveTextAsync(target.CaseNumber);
            await WaitForCircuitAsync(page);

            // 转办 opens the form on this case with the respondent chosen, its data on file masked.
            await page.GetByTestId("case-refer").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/matters/new\\?case="));
            await WaitForCircuitAsync(page);
            await Expect(page.Locator($"input[data-testid=register-respondent-{target.PartyId}], [data-testid=register-respondent-{target.PartyId}] input")).ToBeCheckedAsync();
            await Expect(page.GetByTestId("register-party-id")).ToHaveTextAsync(new Regex(@"^\d{6}\*+\w{4}$"));
            await Expect(page.GetByTestId("details-last-known")).ToHaveValueAsync("");

            await page.GetByTestId("register-fill-from-party").ClickAsync();
            await Expect(page.GetByTestId("details-last-known")).ToHaveValueAsync(target.Address);
            await Expect(page.GetByTestId("register-party-id")).ToHaveTextAsync(target.IdentityNumber);
            await Expect(page.GetByTestId("register-party-audited")).ToBeVisibleAsync();

            // Still the judge's to edit before sending.
            await page.GetByTestId("details-last-known").FillAsync(target.Address + "；另据邻居反映其常在平凉路菜场出入");
            await page.GetByTestId("register-request").FillAsync("请核实被执行人现住址及作息规律。");
            await page.GetByTestId("register-submit").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/matters/\\d+$"));
            await Expect(page.GetByTestId("matter-status")).ToHaveTextAsync("已接收");

            await using var scope = App.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var matterId = int.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
            var matter = await db.Matters.SingleAsync(m => m.Id == matterId);
            Assert.Equal((target.CaseId, target.PartyId), (matter.CaseId, matter.TargetPartyId));
            Assert.Equal(target.Address + "；另据邻居反映其常在平凉路菜场出入", matter.Details.LastKnownAddresses);
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "PersonalData.Reveal" && a.Subject == $"Case {target.CaseNumber}" && a.Detail == $"Party {target.PartyId}"));
        });

    [Fact]
    public Task A_judges_case_list_becomes_cards_on_a_phone_without_sideways_scrolling() =>
        OnPageAsync(
            async page =>
            {
                await SignInAsync(page, "judge.wang");
                await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
                await page.GotoAsync("/cases");
                await WaitForCircuitAsync(page);
                await Expect(page.GetByTestId("case-row-link").First).ToBeVisibleAsync();

                await page.Locator("input[data-testid=cases-whole-court], [data-testid=cases-whole-court] input").CheckAsync();
                await Expect(page.GetByTestId("cases-grid")).ToContainTextAsync("李晓梅");
                await AssertFitsTheScreenAsync(page, "case-list-phone");
            },
            new ViewportSize { Width = 390, Height = 844 });

    [Fact]
    public Task Home_recent_matter_rows_open_their_matter_by_a_click_anywhere_on_the_row_or_by_the_keyboard() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "judge.wang");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
            await WaitForCircuitAsync(page);

            var first = page.GetByTestId("recent-matters").Locator("tbody tr").First;
            var reference = await first.Locator("a").InnerTextAsync();
            await first.Locator("td").Nth(2).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/matters/\\d+$"));
            await Expect(page.GetByTestId("matter-reference")).ToHaveTextAsync(reference);

            await page.GoBackAsync();
            await WaitForCircuitAsync(page);
            await page.GetByTestId($"recent-matter-{reference}").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("matter-reference")).ToHaveTextAsync(reference);
        });

    private sealed record Target(int CaseId, string CaseNumber, int PartyId, string Name, string IdentityNumber, string Address);

    /// <summary>One of judge.wang's open cases, no whereabouts matter open on it, whose single respondent is a person with one address on file, named uniquely enough to search by.</summary>
    private async Task<Target> JudgesCaseWithAnAddressAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var candidates = await db.Cases
            .Where(c => c.JudgeId == judge.Id && c.Status == CaseStatus.InExecution)
            .Where(c => c.Parties.Count(p => p.Role == PartyRole.Respondent) == 1)
            // An open whereabouts matter on the case (the demo's, another test's) would make the referral a duplicate to confirm.
            .Where(c => !db.Matters.Open().Any(m => m.CaseId == c.Id && m.Type == MatterType.DebtorWhereabouts))
            .SelectMany(c => c.Parties.Where(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person), (c, p) => new { c.Id, c.CaseNumber, Party = p })
            .OrderBy(c => c.Id)
            .ToListAsync();
        var pick = candidates.First(c => c.Party.Addresses.Count == 1 && c.Party.Name.Length == 3);
        return new Target(pick.Id, pick.CaseNumber, pick.Party.Id, pick.Party.Name, pick.Party.IdentityNumber, pick.Party.Addresses[0]);
    }
}
