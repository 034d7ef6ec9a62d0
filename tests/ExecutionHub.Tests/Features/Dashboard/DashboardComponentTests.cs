using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecutionHub.Tests.Features.Dashboard;

public sealed class DashboardComponentTests : BunitTestBase
{
    private static readonly DateTime Now = TestApp.Start.UtcDateTime;
    private readonly FakeTimeProvider clock = new(TestApp.Start);

    public DashboardComponentTests() => Services.AddSingleton<TimeProvider>(clock);

    [Fact]
    public void Headline_cards_show_a_loading_indicator_until_the_figures_arrive()
    {
        var cut = Render<HeadlineCards>(p => p.Add(x => x.Figures, null));

        Assert.NotEmpty(cut.FindAll(".mud-progress-linear, .mud-progress-circular"));
        Assert.Empty(cut.FindAll("[data-testid=headline-figures]"));
    }

    [Fact]
    public void Headline_cards_show_the_figures_and_a_dash_where_nothing_was_fed_back()
    {
        var empty = new HeadlineFigures(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 27), 0, 0, 0, null, null, null, null, 5, 1, 2, 0);
        var cut = Render<HeadlineCards>(p => p.Add(x => x.Figures, empty));

        Assert.Equal("—", cut.Find("[data-testid=figure-AverageCycle-value]").TextContent);
        Assert.Equal("—", cut.Find("[data-testid=figure-OnTimeRate-value]").TextContent);
        Assert.Equal("—", cut.Find("[data-testid=figure-MedianCycle-value]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=figure-WhereaboutsVerified-value]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=figure-Overdue-value]").TextContent);
        Assert.Contains("核实被执行人下落", cut.Markup);
    }

    [Fact]
    public void Headline_cards_format_hours_and_rates()
    {
        var figures = new HeadlineFigures(null, new DateOnly(2026, 11, 27), 1234, 12, 7, 40.25, 0.875, 30, 80.04, 5, 1, 2, 9);
        var cut = Render<HeadlineCards>(p => p.Add(x => x.Figures, figures));

        Assert.Equal("40.3", cut.Find("[data-testid=figure-AverageCycle-value]").TextContent);
        Assert.Equal("87.5%", cut.Find("[data-testid=figure-OnTimeRate-value]").TextContent);
        Assert.Equal("80.0", cut.Find("[data-testid=figure-Percentile90Cycle-value]").TextContent);
        Assert.Equal("1,234", cut.Find("[data-testid=figure-FedBack-value]").TextContent);
    }

    [Fact]
    public void A_queue_shows_loading_then_its_empty_state()
    {
        var cut = Render<DashboardQueue>(p => p.Add(x => x.Title, "已超期").Add(x => x.Empty, "没有超期事项。").Add(x => x.TestId, "q").Add(x => x.List, null));
        Assert.NotNull(cut.Find("[data-testid=q-loading]"));

        cut.Render(p => p.Add(x => x.List, new QueueList(0, [])));

        Assert.Equal("没有超期事项。", cut.Find("[data-testid=q-empty]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=q-count]").TextContent);
    }

    [Fact]
    public async Task A_queue_lists_its_matters_with_a_countdown_that_ticks()
    {
        var rows = new List<QueueRow>
        {
            new(7, "ZX-2026-0007", MatterType.DebtorWhereabouts, MatterStatus.Dispatched, "(2026)沪0110执7号", "平凉路街道", Now.AddMinutes(-90), null),
            new(8, "ZX-2026-0008", MatterType.AssetClueVerification, MatterStatus.Registered, "(2026)沪0110执8号", "定海路街道", Now.AddHours(5), null),
        };
        var cut = Render<DashboardQueue>(p => p.Add(x => x.Title, "队列").Add(x => x.Empty, "空").Add(x => x.TestId, "q").Add(x => x.List, new QueueList(60, rows)));

        var countdowns = cut.FindAll("[data-testid=queue-countdown]");
        Assert.Equal("已超期 01:30:00", countdowns[0].TextContent.Trim());
        Assert.Equal("剩余 05:00:00", countdowns[1].TextContent.Trim());
        Assert.Equal("/matters/7", cut.FindAll("[data-testid=q-row]")[0].GetAttribute("href"));
        Assert.Contains("显示前 2 条，共 60 条", cut.Markup);

        clock.Advance(TimeSpan.FromSeconds(1));
        await cut.WaitForAssertionAsync(() => Assert.Equal("剩余 04:59:59", cut.FindAll("[data-testid=queue-countdown]")[1].TextContent.Trim()));
    }
}
