using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Dashboard;

public sealed class DashboardPageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly DateTime Nov10 = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);
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
        Services.AddScoped<ExecutionHub.Web.Infrastructure.Export.BrowserDownload>();
        UseApplication(scope);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Should_show_the_courts_figures_and_refresh_them_when_a_matter_of_the_court_is_fed_back()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(10), MatterOutcome.Found));
        var cut = Render<DashboardPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal("1", cut.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent));
        Assert.Contains(data.Court.Name, cut.Find("[data-testid=dashboard-scope]").TextContent);

        // Saving the matter is enough: the save publishes the change and the page re-reads, no reload.
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(20), MatterOutcome.Found));

        await cut.WaitForAssertionAsync(() => Assert.Equal("2", cut.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent), TimeSpan.FromSeconds(2));
        Assert.Equal("15.0", cut.Find("[data-testid=figure-AverageCycle-value]").TextContent);
    }

    [Fact]
    public async Task Should_refresh_for_a_change_in_its_court_and_not_for_one_in_another_court()
    {
        var cut = Render<DashboardPage>();
        await cut.WaitForAssertionAsync(() => Assert.NotEmpty(cut.FindAll("[data-testid=figure-Open-value]")));
        var feed = app.Services.GetRequiredService<ExecutionHub.Web.Infrastructure.Notifications.IMatterChangeFeed>();
        var updated = cut.Find("[data-testid=dashboard-live]").TextContent;
        app.Clock.Advance(TimeSpan.FromSeconds(5));

        feed.Publish(new ExecutionHub.Web.Infrastructure.Notifications.MatterChange(new HashSet<int> { data.Court.Id + 99 }, new HashSet<int> { data.Street.Id + 99 }, false));
        await Task.Delay(800);
        var afterOtherCourt = cut.Find("[data-testid=dashboard-live]").TextContent;
        feed.Publish(new ExecutionHub.Web.Infrastructure.Notifications.MatterChange(new HashSet<int> { data.Court.Id }, new HashSet<int> { data.Street.Id }, false));

        // The "updated at" time moves only when the page re-read its figures.
        Assert.Equal(updated, afterOtherCourt);
        await cut.WaitForAssertionAsync(() => Assert.NotEqual(updated, cut.Find("[data-testid=dashboard-live]").TextContent), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Should_cost_the_database_the_same_for_five_open_dashboards_as_for_one_when_a_matter_changes()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(10), MatterOutcome.Found));
        using var commands = DatabaseCommandCounter.For(app.DatabasePath);
        var first = Render<DashboardPage>();
        await first.WaitForAssertionAsync(() => Assert.Equal("1", first.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent));

        var before = commands.Count;
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(20), MatterOutcome.Found));
        await first.WaitForAssertionAsync(() => Assert.Equal("2", first.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent), TimeSpan.FromSeconds(5));
        var oneDashboard = commands.Count - before;

        var pages = new[] { first }.Concat(Enumerable.Range(0, 4).Select(_ => Render<DashboardPage>())).ToList();
        foreach (var page in pages)
        {
            await page.WaitForAssertionAsync(() => Assert.Equal("2", page.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent));
        }

        before = commands.Count;
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(30), MatterOutcome.Found));
        foreach (var page in pages)
        {
            await page.WaitForAssertionAsync(() => Assert.Equal("3", page.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent), TimeSpan.FromSeconds(5));
        }

        // The save itself and one evaluation of each of the page's three reads, however many pages show them.
        Assert.Equal(oneDashboard, commands.Count - before);
    }

    [Fact]
    public async Task Should_keep_the_figures_on_screen_without_a_loading_bar_while_a_live_re_read_runs()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(10), MatterOutcome.Found));
        var cut = Render<DashboardPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal("1", cut.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent));
        var sawLoading = false;
        cut.OnMarkupUpdated += (_, _) => sawLoading |= cut.Markup.Contains("dashboard-loading", StringComparison.Ordinal);

        await data.AddMatterAsync(@case, MatterType.DebtorWhereabouts, Nov10, m => HandBuiltData.FeedBack(m, Nov10.AddHours(20), MatterOutcome.Found));

        await cut.WaitForAssertionAsync(() => Assert.Equal("2", cut.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent), TimeSpan.FromSeconds(5));
        Assert.False(sawLoading);
    }
}
