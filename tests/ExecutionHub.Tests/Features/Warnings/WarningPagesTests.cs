using System.Text.RegularExpressions;
using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Home;
using ExecutionHub.Web.Features.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Warnings;

public sealed partial class WarningPagesTests : BunitTestBase
{
    /// <summary>Names, ID numbers, phones, addresses and case numbers of every party of the seeded cases.</summary>
    private readonly List<string> personalData = [];

    [Fact]
    public async Task A_street_officer_sees_no_name_identity_number_phone_address_or_case_number_in_the_warning_list_a_warning_or_the_home_page()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await SeedEveryRuleAsync(app);
        s.ActAsStreetOfficer();
        AddAuthorization().SetAuthorized("street").SetRoles(Roles.StreetOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var list = Render<WarningsPage>();
        await list.WaitForAssertionAsync(() => Assert.Equal(6, list.FindAll("[data-testid=warning-row]").Count), TimeSpan.FromSeconds(10));

        // The warnings carry their evidence: without it this test would pass for the wrong reason.
        Assert.Contains("一家企业被执行人在近 365 天内立案的未结案件有 6 件，行业：房地产，标的合计 3,200,000 元。", list.Markup, StringComparison.Ordinal);
        Assert.Contains("6 名申请执行人针对同一被执行人（一家企业），涉及未结案件 6 件", list.Markup, StringComparison.Ordinal);
        Assert.Contains("街道内标记为“城市更新”的未结案件 &lt;3 件。", list.Markup, StringComparison.Ordinal);
        AssertNoPersonalData("the warning list", list.Markup);

        foreach (var id in list.FindAll("[data-testid=warning-row]").Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList())
        {
            var page = Render<WarningPage>(p => p.Add(x => x.Id, id));
            await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=warning-evidence]")), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=warning-respondent]"));
            AssertNoPersonalData($"warning {id}", page.Markup);
        }

        var home = Render<StreetOfficerHome>();
        await home.WaitForAssertionAsync(() => Assert.Equal("6", home.Find("[data-testid=street-open-warnings-value]").TextContent));
        AssertNoPersonalData("the home page", home.Markup);
    }

    [Fact]
    public async Task A_coordinator_sees_the_respondent_masked_never_in_full()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await SeedEveryRuleAsync(app);
        s.ActAsCoordinator();
        AddAuthorization().SetAuthorized("coord").SetRoles(Roles.Coordinator);
        await using var db = await app.DbAsync();
        var warning = await db.RiskWarnings.SingleAsync(w => w.Rule == RiskRuleKind.RepeatRespondent);
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var page = Render<WarningPage>(p => p.Add(x => x.Id, warning.Id));

        await page.WaitForAssertionAsync(() => Assert.Equal("上***********司 · 913101********YZ5K", page.Find("[data-testid=warning-respondent]").TextContent), TimeSpan.FromSeconds(10));
        AssertNoPersonalData("the coordinator's warning", page.Markup);
    }

    [Fact]
    public async Task The_street_officer_acknowledges_a_warning_after_confirming_and_the_move_shows_in_the_history()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await SeedEveryRuleAsync(app);
        s.ActAsStreetOfficer();
        AddAuthorization().SetAuthorized("street").SetRoles(Roles.StreetOfficer);
        await using var db = await app.DbAsync();
        var warning = await db.RiskWarnings.SingleAsync(w => w.Rule == RiskRuleKind.MassDispute);
        await using var scope = app.Services.CreateAsyncScope();
        var (dialogs, _) = UseApplication(scope);

        var page = Render<WarningPage>(p => p.Add(x => x.Id, warning.Id));
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=warning-move-Acknowledged]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=warning-move-InHand]"));

        // The button awaits the dialog's result: fire it and wait for the dialog instead.
        var opening = page.InvokeAsync(() => page.Find("[data-testid=warning-move-Acknowledged]").Click());
        await dialogs.WaitForAssertionAsync(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=warning-move-confirm]")), TimeSpan.FromSeconds(10));
        dialogs.Find("textarea[data-testid=warning-move-note], [data-testid=warning-move-note] textarea").Input("已转交网格");
        await dialogs.Find("[data-testid=warning-move-confirm]").ClickAsync(new());
        await opening.WaitAsync(TimeSpan.FromSeconds(10));

        await page.WaitForAssertionAsync(() => Assert.Equal("Acknowledged", page.Find("[data-testid=warning-state]").GetAttribute("data-state")));
        Assert.Contains("已转交网格", page.Find("[data-testid=warning-history]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=warning-move-InHand]"));
        await using var check = await app.DbAsync();
        Assert.Equal(WarningState.Acknowledged, (await check.RiskWarnings.SingleAsync(w => w.Id == warning.Id)).State);
    }

    [Fact]
    public async Task A_street_without_warnings_sees_an_empty_state()
    {
        await using var app = await TestApp.CreateAsync();
        var s = await WarningScenario.CreateAsync(app);
        s.ActAsStreetOfficer();
        AddAuthorization().SetAuthorized("street").SetRoles(Roles.StreetOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var list = Render<WarningsPage>();

        await list.WaitForAssertionAsync(() => Assert.NotEmpty(list.FindAll("[data-testid=warnings-empty]")), TimeSpan.FromSeconds(10));
        Assert.Empty(list.FindAll("[data-testid=warnings-run]"));
    }

    /// <summary>
    /// Six open cases against one company (six buyers, every party with a name, ID number, phone and
    /// address of their own), a spike in catering, one urban-renewal case, two group-related ones;
    /// then the rules run.
    /// </summary>
    private async Task<WarningScenario> SeedEveryRuleAsync(TestApp app)
    {
        var s = await WarningScenario.CreateAsync(app);
        for (var i = 0; i < 6; i++)
        {
            var @case = await s.AddCaseAsync(applicants: [WarningScenario.Applicant(i)], owed: i < 2 ? 1_000_000m : 300_000m,
                tags: i == 0 ? CaseTags.UrbanRenewal : i < 3 ? CaseTags.GroupRelated : CaseTags.None);
            await using var db = await app.DbAsync();
            foreach (var party in await db.CaseParties.Where(p => p.CaseId == @case.Id).ToListAsync())
            {
                if (party.Role == PartyRole.Applicant)
                {
                    party.Name = new[] { "欧阳娜娜", "司马光明", "上官婉儿", "诸葛明亮", "东方白云", "慕容复兴" }[i];
                    party.Phones = [$"1381234567{i}"];
                }
                else
                {
                    party.Phones = [$"1590000111{i}", "021-65431234"];
                }

                party.Addresses = [$"上海市杨浦区测试路{100 + i}号"];
                personalData.AddRange([party.Name, party.IdentityNumber, .. party.Phones, .. party.Addresses]);
            }

            await db.SaveChangesAsync();
            personalData.Add(@case.CaseNumber);
        }

        for (var i = 0; i < 5; i++)
        {
            var @case = await s.AddCaseAsync(respondent: $"3101101975031522{i:00}", kind: PartyKind.Person, respondentName: "诸葛小" + "一二三四五"[i], industry: "餐饮");
            personalData.AddRange([@case.CaseNumber, $"3101101975031522{i:00}", "诸葛小" + "一二三四五"[i]]);
        }

        await s.RunAsync();
        return s;
    }

    private void AssertNoPersonalData(string where, string text)
    {
        Assert.All(personalData, value => Assert.False(text.Contains(value, StringComparison.Ordinal), $"{where} shows {value}"));
        Assert.False(text.Contains(WarningScenario.CompanyName, StringComparison.Ordinal), $"{where} names the company");
        Assert.False(IdentityNumber().IsMatch(text), $"{where} holds an 18-character ID number or credit code: {IdentityNumber().Match(text).Value}");
        Assert.False(MobileNumber().IsMatch(text), $"{where} holds a mobile number: {MobileNumber().Match(text).Value}");
    }

    [GeneratedRegex(@"(?<![\dA-Z.])[\dA-Z]{17}[\dXx](?![\dA-Z.])")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"(?<![\d.])1[3-9]\d{9}(?![\d.])")]
    private static partial Regex MobileNumber();
}
