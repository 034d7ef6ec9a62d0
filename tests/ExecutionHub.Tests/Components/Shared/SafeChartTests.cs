using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using ExecutionHub.Web.Components.Shared;

namespace ExecutionHub.Tests.Components.Shared;

public sealed class SafeChartTests : BunitTestBase
{
    public const string HostileImage = "<img src=x onerror=alert(1)>";
    public const string HostileScript = "<script>alert(1)</script>";

    public static TheoryData<ChartKind, int> Shapes => new()
    {
        { ChartKind.Bar, 2 },
        { ChartKind.Line, 2 },
        { ChartKind.Bar, 12 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Should_write_markup_in_labels_series_names_and_tooltips_as_literal_text(ChartKind kind, int categories)
    {
        var labels = Enumerable.Range(0, categories).Select(i => i switch { 0 => HostileImage, 1 => HostileScript, _ => $"网格{i}" }).ToList();

        var chart = Render<SafeChart>(p => p
            .Add(c => c.Kind, kind)
            .Add(c => c.Labels, labels)
            .Add(c => c.Series, [new PlotSeries("<b>转办</b>", labels.Select((_, i) => (double?)(i + 1)).ToList())]));

        Assert.Empty(chart.FindAll("img, script, b"));
        var written = Labels(chart);
        var tooltips = chart.FindAll("title").Select(t => t.TextContent).ToList();
        Assert.Contains(HostileImage, written);
        Assert.Contains(HostileScript, written);
        Assert.Contains(HostileImage, tooltips);
        Assert.Contains($"{HostileImage} · <b>转办</b>：1", tooltips);
        Assert.Equal("<b>转办</b>", chart.Find("[data-testid=chart-legend]").TextContent.Trim());
    }

    [Fact]
    public void Should_draw_a_point_and_the_whole_limit_line_for_a_single_bucket()
    {
        var chart = Render<SafeChart>(p => p
            .Add(c => c.Kind, ChartKind.Line)
            .Add(c => c.Labels, ["11-30"])
            .Add(c => c.Series, [new PlotSeries("平均周期", [46.0])])
            .Add(c => c.Limit, new PlotLimit("72小时时限", 72)));

        var point = chart.Find("circle.app-chart-point");
        var limit = chart.Find("line.app-chart-limit");
        var (left, right) = (Number(limit, "x1"), Number(limit, "x2"));
        Assert.True(right - left > 400, $"the limit runs across the chart ({left} to {right})");
        Assert.InRange(Number(point, "cx"), left + 1, right - 1);
        Assert.True(Number(point, "cy") > Number(limit, "y1"), "46 hours is drawn below the 72-hour limit");
        Assert.Equal(["11-30"], Labels(chart));
        Assert.Contains("72小时时限", chart.Find("[data-testid=chart-legend]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_draw_a_bar_for_a_single_bucket()
    {
        var chart = Render<SafeChart>(p => p
            .Add(c => c.Labels, ["2026-12"])
            .Add(c => c.Series, [new PlotSeries("案件", [3.0]), new PlotSeries("事项", [29.0])]));

        var bars = chart.FindAll("rect.app-chart-bar");
        Assert.Equal(2, bars.Count);
        Assert.All(bars, bar => Assert.True(Number(bar, "height") > 0));
    }

    [Theory]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.Line)]
    public void Should_say_in_words_that_there_is_no_data_instead_of_drawing_an_empty_frame(ChartKind kind)
    {
        var none = Render<SafeChart>(p => p.Add(c => c.Kind, kind).Add(c => c.Labels, []).Add(c => c.Series, []));
        var zeros = Render<SafeChart>(p => p.Add(c => c.Kind, kind).Add(c => c.Labels, ["a", "b"]).Add(c => c.Series, [new PlotSeries("s", [0.0, null])]));

        foreach (var chart in new[] { none, zeros })
        {
            Assert.Empty(chart.FindAll("svg"));
            Assert.Equal("期间内没有数据。", chart.Find("[data-testid=chart-empty]").TextContent);
        }
    }

    [Fact]
    public void Should_lay_twenty_grids_on_their_side_one_label_per_row_cut_where_too_long_and_whole_in_the_tooltip()
    {
        var grids = Enumerable.Range(1, 20).Select(i => $"平凉路街道 · 平凉{i}居委 · 平凉{i}居委第1网格").ToList();

        var chart = Render<SafeChart>(p => p
            .Add(c => c.Labels, grids)
            .Add(c => c.Series, [new PlotSeries("任务", grids.Select((_, i) => (double?)i).ToList())]));

        Assert.Equal("horizontal", chart.Find(".app-chart").GetAttribute("data-layout"));
        var rows = chart.FindAll(".app-chart-label text").Select(t => Number(t, "y")).ToList();
        Assert.Equal(20, rows.Count);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(pair.Second - pair.First >= ChartLayout.FontSize, $"rows {pair.First} and {pair.Second} overlap"));
        var room = Number(chart.Find("rect.app-chart-bar"), "x");
        Assert.All(Labels(chart), label => Assert.True(ChartLayout.TextWidth(label) < room, $"{label} runs into the bars"));
        Assert.All(Labels(chart), label => Assert.EndsWith("…", label, StringComparison.Ordinal));
        Assert.Equal(grids, chart.FindAll(".app-chart-label > title").Select(t => t.TextContent));
    }

    [Fact]
    public void Should_write_only_as_many_dates_under_a_long_line_as_fit_side_by_side()
    {
        var months = Enumerable.Range(0, 36).Select(i => new DateOnly(2024, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();

        var chart = Render<SafeChart>(p => p
            .Add(c => c.Kind, ChartKind.Line)
            .Add(c => c.Labels, months)
            .Add(c => c.Series, [new PlotSeries("案件", months.Select((_, i) => (double?)i).ToList())]));

        Assert.Equal(36, chart.FindAll("circle.app-chart-point").Count);
        var written = chart.FindAll(".app-chart-label text").Select(t => (X: Number(t, "x"), Text: t.TextContent)).ToList();
        Assert.InRange(written.Count, 3, 35);
        Assert.All(written, label => Assert.DoesNotContain("…", label.Text, StringComparison.Ordinal));
        Assert.All(written.Zip(written.Skip(1)), pair =>
            Assert.True(pair.Second.X - pair.First.X > ChartLayout.TextWidth(pair.First.Text), $"{pair.First.Text} and {pair.Second.Text} overlap"));
    }

    private static List<string> Labels(IRenderedComponent<SafeChart> chart) => chart.FindAll(".app-chart-label text").Select(t => t.TextContent).ToList();

    private static double Number(IElement element, string attribute) => double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
