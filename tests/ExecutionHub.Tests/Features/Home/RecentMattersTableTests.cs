using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Home;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Home;

/// <summary>Home's latest matters: each row opens its matter, the reference as a real link for the keyboard.</summary>
public sealed class RecentMattersTableTests : BunitTestBase
{
    private static readonly DateTime Received = TestApp.Start.UtcDateTime;

    private static readonly MatterSummary[] Matters =
    [
        new(41, "ZX-2026-00041", "(2026)沪0110执1号", MatterType.DebtorWhereabouts, MatterStatus.Dispatched, "张*丰", Received, Received.AddHours(72)),
        new(42, "ZX-2026-00042", "(2026)沪0110执2号", MatterType.AssetClueVerification, MatterStatus.Received, "李*", Received, Received.AddHours(72)),
    ];

    [Fact]
    public void Should_link_each_reference_to_its_matter()
    {
        var table = Render<RecentMattersTable>(p => p.Add(x => x.Matters, Matters));

        Assert.Equal(["/matters/41", "/matters/42"], table.FindAll("[data-testid^=recent-matter-]").Select(a => a.GetAttribute("href")));
        Assert.Equal("ZX-2026-00042", table.Find("[data-testid=recent-matter-ZX-2026-00042]").TextContent);
    }

    [Fact]
    public async Task Should_open_the_matter_on_a_click_anywhere_on_its_row()
    {
        var table = Render<RecentMattersTable>(p => p.Add(x => x.Matters, Matters));

        await table.FindAll("tbody tr")[1].QuerySelectorAll("td")[3].ClickAsync(new());

        Assert.EndsWith("/matters/42", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
