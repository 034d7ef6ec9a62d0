using Bunit;
using ExecutionHub.Web.Components.Shared;

namespace ExecutionHub.Tests.Components;

public sealed class FigureCardTests : BunitTestBase
{
    [Fact]
    public void Shows_its_label_and_value()
    {
        var cut = Render<FigureCard>(p => p
            .Add(x => x.Label, "我承办的案件")
            .Add(x => x.Value, "75")
            .Add(x => x.TestId, "cases"));

        Assert.Contains("我承办的案件", cut.Markup);
        Assert.Equal("75", cut.Find("[data-testid=cases-value]").TextContent);
    }
}
