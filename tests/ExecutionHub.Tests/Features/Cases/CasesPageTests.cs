using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Cases;

/// <summary>The case list page against the real pipeline, as a judge of a hand-built court.</summary>
public sealed class CasesPageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private HandBuiltData data = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Judge);
        AddAuthorization().SetAuthorized(data.Judge.UserName!).SetRoles(Roles.Judge);
        scope = app.Services.CreateAsyncScope();
        UseApplication(scope);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_tell_a_judge_without_cases_of_their_own_where_the_courts_cases_are()
    {
        await data.AddCaseAsync(data.OtherJudge);

        var page = Render<CasesPage>();

        await page.WaitForAssertionAsync(() => Assert.Contains("您名下暂无承办案件", page.Find("[data-testid=cases-empty]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("[data-testid=case-row-link]"));
    }

    [Fact]
    public async Task Should_show_each_case_with_its_parties_masked_its_open_matters_and_its_latest_activity_in_shanghai_time_linking_to_the_case()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, TestApp.Start.UtcDateTime.AddHours(-3), MatterStatus.Dispatched);
        await using (var db = await app.DbAsync())
        {
            db.CaseParties.Add(new CaseParty { CaseId = @case.Id, Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "李小龙", IdentityNumber = "" });
            await db.SaveChangesAsync();
        }

        var page = Render<CasesPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=case-row-link]")), Patience);
        var link = page.Find("[data-testid=case-row-link]");
        Assert.Equal((@case.CaseNumber, $"/cases/{@case.Id}"), (link.TextContent, link.GetAttribute("href")));
        Assert.Equal("申*人", page.Find("[data-testid=case-row-applicants]").TextContent);
        Assert.Equal("张*丰 等2人", page.Find("[data-testid=case-row-respondents]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=case-row-open]").TextContent.Trim());
        Assert.DoesNotContain("张三丰", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("李小龙", page.Markup, StringComparison.Ordinal);

        // Nothing on its timeline yet: it counts from its filing day, 5 January, 00:00 in Shanghai.
        Assert.Contains("2026-01-05 00:00", page.Find("[data-testid=cases-grid]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_the_whole_courts_cases_with_their_judges_after_the_switch()
    {
        var mine = await data.AddCaseAsync(data.Judge);
        var colleagues = await data.AddCaseAsync(data.OtherJudge);
        var page = Render<CasesPage>();
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=case-row-link]")), Patience);

        await page.Find("input[data-testid=cases-whole-court], [data-testid=cases-whole-court] input").ChangeAsync(new() { Value = true });

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-testid=case-row-link]").Count), Patience);
        Assert.Equal([colleagues.CaseNumber, mine.CaseNumber], page.FindAll("[data-testid=case-row-link]").Select(a => a.TextContent));
        Assert.Contains("法官乙", page.Find("[data-testid=cases-grid]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_nothing_matched_when_a_search_finds_no_case()
    {
        await data.AddCaseAsync(data.Judge);
        NavigationManagerNavigateToSearch("无此人");

        var page = Render<CasesPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal("没有符合条件的案件。", page.Find("[data-testid=cases-empty]").TextContent), Patience);
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Cases.CountAsync());
    }

    private void NavigationManagerNavigateToSearch(string search) =>
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/cases?q={Uri.EscapeDataString(search)}");
}
