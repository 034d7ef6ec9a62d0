using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Components.Shared;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Statistics;

/// <summary>The statistics page's charts (the published report draws the same views) on the hand-built street of <see cref="StatisticsScenario"/>.</summary>
public sealed class StatisticsChartTests : BunitTestBase
{
    public StatisticsChartTests() => Services.AddScoped<BrowserDownload>();

    [Fact]
    public async Task Should_write_a_community_named_like_markup_as_text_on_every_chart_of_a_street_officers_statistics()
    {
        await using var app = await TestApp.CreateAsync();
        var scenario = await StatisticsScenario.CreateAsync(app);
        await using (var db = await app.DbAsync())
        {
            // Names from before validation refused markup are still in the database.
            var east = await db.Communities.SingleAsync(c => c.Id == scenario.East.Id);
            east.Name = SafeChartTests.HostileImage;
            await db.SaveChangesAsync();
        }

        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.Data.Street.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var page = await RenderStatisticsAsync(scope);

        Assert.Empty(page.FindAll("[data-testid=statistics-tables] img, [data-testid=statistics-tables] script"));
        var community = page.Find("[data-testid=stat-by-community] [data-testid=stat-chart]");
        Assert.Contains(SafeChartTests.HostileImage, community.QuerySelectorAll(".app-chart-label text").Select(t => t.TextContent));
        var grid = page.Find("[data-testid=stat-by-grid] [data-testid=stat-chart]");
        Assert.Contains(grid.QuerySelectorAll(".app-chart-label > title"), t => t.TextContent.Contains(SafeChartTests.HostileImage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_draw_the_default_last_90_days_trend_as_one_point_per_month_and_series()
    {
        await using var app = await TestApp.CreateAsync();
        var scenario = await StatisticsScenario.CreateAsync(app);

        scenario.Data.ActAsStreet(Roles.StreetOfficer, scenario.Data.Street.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var page = await RenderStatisticsAsync(scope);

        var trend = page.Find("[data-testid=stat-by-month] [data-testid=stat-chart]");
        Assert.Equal(["2026-08", "2026-09", "2026-10", "2026-11"], trend.QuerySelectorAll(".app-chart-label text").Select(t => t.TextContent));
        Assert.Equal(8, trend.QuerySelectorAll("circle.app-chart-point").Length);
    }

    private async Task<IRenderedComponent<StatisticsPage>> RenderStatisticsAsync(AsyncServiceScope scope)
    {
        UseApplication(scope);
        var page = Render<StatisticsPage>();
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-by-grid] [data-testid=stat-chart]")), TimeSpan.FromSeconds(10));
        return page;
    }
}
