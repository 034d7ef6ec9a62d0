using Bunit;
using ExecutionHub.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace ExecutionHub.Tests.Components;

public sealed class FigureCardTests : BunitTestBase
{
    private readonly FakeTimeProvider clock = new(TestApp.Start);

    public FigureCardTests() => Services.AddSingleton<TimeProvider>(clock);

    [Fact]
    public void Shows_its_label_and_value()
    {
        var cut = Render<FigureCard>(p => p
            .Add(x => x.Label, "我承办的案件")
            .Add(x => x.Value, "75")
            .Add(x => x.TestId, "cases"));

        Assert.Contains("我承办的案件", cut.Markup);
        Assert.Equal("75", cut.Find("[data-testid=cases-value]").TextContent);
        Assert.Null(cut.Find("[data-testid=cases]").GetAttribute("data-changed"));
    }

    [Fact]
    public async Task Highlights_a_value_that_changes_and_lets_the_highlight_fade()
    {
        var cut = Render<FigureCard>(p => p.Add(x => x.Label, "已超期").Add(x => x.Value, "3").Add(x => x.TestId, "overdue"));

        cut.Render(p => p.Add(x => x.Value, "4"));
        Assert.Equal("true", cut.Find("[data-testid=overdue]").GetAttribute("data-changed"));

        clock.Advance(TimeSpan.FromSeconds(4));
        await cut.WaitForAssertionAsync(() => Assert.Null(cut.Find("[data-testid=overdue]").GetAttribute("data-changed")));
    }

    [Fact]
    public void Does_not_highlight_a_value_rendered_again_unchanged()
    {
        var cut = Render<FigureCard>(p => p.Add(x => x.Label, "已超期").Add(x => x.Value, "3").Add(x => x.TestId, "overdue"));

        cut.Render(p => p.Add(x => x.Value, "3"));

        Assert.Null(cut.Find("[data-testid=overdue]").GetAttribute("data-changed"));
    }

    [Fact]
    public async Task Opens_its_definition_from_the_info_button()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var cut = Render<FigureCard>(p => p
            .Add(x => x.Label, "平均反馈周期")
            .Add(x => x.Value, "40.5")
            .Add(x => x.Definition, "首次反馈时间减收到时间")
            .Add(x => x.TestId, "cycle"));

        // The message box stays open until closed, so the click is not awaited.
        _ = cut.Find("[data-testid=cycle-info]").ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("首次反馈时间减收到时间", dialogs.Markup));
    }
}
