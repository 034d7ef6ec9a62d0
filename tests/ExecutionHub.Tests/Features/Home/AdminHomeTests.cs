using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Home;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Home;

/// <summary>The administrator's home sizes the installation and says it opens no case data, as the pages it may open do.</summary>
public sealed class AdminHomeTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestApp app = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        await data.AddMatterAsync(await data.AddCaseAsync(data.Judge), app.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        data.ActAs(data.Judge, Roles.Administrator);
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Administrator);
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
    public void Should_count_cases_and_matters_without_linking_to_them_and_say_the_administrator_opens_no_case_data()
    {
        var cut = Render<AdminHome>();

        cut.WaitForAssertion(() => Assert.Contains("三员分立", cut.Find("[data-testid=admin-no-case-data]").TextContent), Patience);
        Assert.All(new[] { "/matters", "/cases", "/dashboard", "/statistics" }, href => Assert.Empty(cut.FindAll($"a[href^='{href}']")));
    }
}
