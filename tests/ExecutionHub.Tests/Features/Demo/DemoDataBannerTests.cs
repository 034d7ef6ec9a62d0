using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Demo;

/// <summary>The red banner every page shows while accounts with the published demo password exist.</summary>
public sealed class DemoDataBannerTests : BunitTestBase
{
    [Fact]
    public async Task Should_show_the_red_demo_data_banner_while_demo_accounts_exist()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        Services.AddSingleton(app.Services.GetRequiredService<KnownPasswordAccounts>());

        var cut = Render<DemoDataBanner>();

        // The first check hashes the password on a thread of its own: seconds on a busy machine.
        await cut.WaitForAssertionAsync(
            () => Assert.Contains("演示数据", cut.Find("[data-testid=demo-banner]").TextContent, StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        Assert.Contains("mud-alert-filled-error", cut.Find("[data-testid=demo-banner]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_demo_data_in_english()
    {
        UseCulture("en");
        await using var app = await TestApp.CreateAsync(demoData: true);
        var known = app.Services.GetRequiredService<KnownPasswordAccounts>();
        Services.AddSingleton(known);

        // Answered before the render, so the banner's first render is its last.
        Assert.True(await known.ExistAsync());
        var cut = Render<DemoDataBanner>();

        Assert.StartsWith("Demo data", cut.Find("[data-testid=demo-banner]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_draw_the_banner_in_its_first_render_when_its_answer_is_being_rechecked()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var known = app.Services.GetRequiredService<KnownPasswordAccounts>();
        Services.AddSingleton(known);
        Assert.True(await known.ExistAsync());
        app.Clock.Advance(KnownPasswordAccounts.RecheckAfter);

        var cut = Render<DemoDataBanner>();

        // Waiting for the re-check drew the page without the banner, then pushed it down under the pointer.
        Assert.Single(cut.FindAll("[data-testid=demo-banner]"));
        Assert.Equal(1, cut.RenderCount);
        await known.CheckedAsync();
    }

    [Fact]
    public async Task Should_show_no_banner_without_demo_accounts()
    {
        await using var app = await TestApp.CreateAsync();

        await AssertNoBannerAsync(app);
    }

    [Fact]
    public async Task Should_show_no_banner_once_the_demo_accounts_are_removed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await DemoAccountRemoval.RemoveAsync(app.Services, new("", "command line", new HashSet<string>()), CancellationToken.None);

        await AssertNoBannerAsync(app);
    }

    private async Task AssertNoBannerAsync(TestApp app)
    {
        var known = app.Services.GetRequiredService<KnownPasswordAccounts>();
        Services.AddSingleton(known);

        // Answered before the render, so the banner's first render is its last.
        Assert.False(await known.ExistAsync());
        var cut = Render<DemoDataBanner>();

        Assert.Equal(1, cut.RenderCount);
        Assert.Empty(cut.FindAll("[data-testid=demo-banner]"));
    }
}
