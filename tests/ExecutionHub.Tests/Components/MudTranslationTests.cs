using Bunit;
using MudBlazor;

namespace ExecutionHub.Tests.Components;

public sealed class MudTranslationTests : BunitTestBase
{
    private sealed record Row(string Name);

    private static readonly Row[] Rows = Enumerable.Range(1, 30).Select(i => new Row($"行{i}")).ToArray();

    [Fact]
    public void Data_grid_pager_speaks_chinese()
    {
        RenderProviders();
        var cut = Render<MudDataGrid<Row>>(p => p
            .Add(x => x.Items, Rows)
            .Add(x => x.PagerContent, builder =>
            {
                builder.OpenComponent<MudDataGridPager<Row>>(0);
                builder.CloseComponent();
            }));

        Assert.Contains("每页行数", cut.Markup);
        Assert.Contains("共 30 条", cut.Markup);
        Assert.DoesNotContain("Rows per page", cut.Markup);
    }

    [Fact]
    public void Data_grid_pager_speaks_english_after_the_switch()
    {
        UseCulture("en");
        RenderProviders();
        var cut = Render<MudDataGrid<Row>>(p => p
            .Add(x => x.Items, Rows)
            .Add(x => x.PagerContent, builder =>
            {
                builder.OpenComponent<MudDataGridPager<Row>>(0);
                builder.CloseComponent();
            }));

        Assert.Contains("Rows per page", cut.Markup);
        Assert.DoesNotContain("每页行数", cut.Markup);
    }
}
