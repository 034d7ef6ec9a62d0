using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Data;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// Every chart is a <see cref="SafeChart"/>. MudBlazor's MudChart writes x-axis labels into the page as
/// markup, so a community named like an HTML tag ran as script for whoever opened a chart of it.
/// </summary>
public sealed class ChartRulesTests
{
    [Fact]
    public void Should_draw_every_chart_through_SafeChart_and_none_with_MudChart()
    {
        var offences = TypeUses.Of(typeof(AppDbContext).Assembly)
            .SelectMany(type => type.Value.Where(IsMudChart).Select(used => $"{type.Key} uses {used}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offences.Count == 0,
            $"Draw charts with <SafeChart> (Components/Shared), which writes labels, legends and tooltips as text; MudChart writes labels as markup:{Environment.NewLine}" +
            string.Join(Environment.NewLine, offences));
    }

    private static bool IsMudChart(string type) =>
        type.StartsWith("MudBlazor.MudChart", StringComparison.Ordinal) || type.StartsWith("MudBlazor.Charts.", StringComparison.Ordinal) ||
        type is "MudBlazor.ChartSeries`1" or "MudBlazor.ChartOptions" or "MudBlazor.ChartType";
}
