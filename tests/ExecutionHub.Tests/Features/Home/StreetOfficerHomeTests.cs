using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Home;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Home;

public sealed class StreetOfficerHomeTests : BunitTestBase
{
    [Fact]
    public async Task Amounts_of_fewer_than_three_cases_read_a_dash_with_a_footnote_not_less_than_three_and_statistics_warnings_and_reports_are_one_click_away()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        await data.AddCaseAsync(data.Judge, owed: 5_000m);
        await data.AddCaseAsync(data.Judge, owed: 7_000m);
        data.ActAsStreet(Roles.StreetOfficer, data.Street.Id);
        await using var scope = app.Services.CreateAsyncScope();
        UseApplication(scope);

        var home = Render<StreetOfficerHome>();

        await home.WaitForAssertionAsync(() => Assert.Equal("<3", home.Find("[data-testid=street-cases-value]").TextContent));
        Assert.Equal("—", home.Find("[data-testid=street-owed-value]").TextContent);
        Assert.Contains("金额显示为“—”", home.Find("[data-testid=street-amount-footnote]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/statistics", home.Find("[data-testid=home-statistics]").GetAttribute("href"));
        Assert.Equal("/warnings", home.Find("[data-testid=home-warnings]").GetAttribute("href"));
        Assert.Equal("/reports", home.Find("[data-testid=home-reports]").GetAttribute("href"));
        Assert.DoesNotContain("后续版本", home.Find("[data-testid=home-street-next]").TextContent, StringComparison.Ordinal);
    }
}
