using System.Globalization;

namespace ExecutionHub.Web.Components.Shared;

public enum ChartKind
{
    Bar,
    Line,
}

/// <summary>One series of a chart: its name and one value per category; null draws nothing there (a gap, a suppressed count).</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A limit drawn as a dashed line across the whole chart (the 72-hour feedback limit), however many categories there are.</summary>
public sealed record PlotLimit(string Name, double Value);

/// <summary>
/// Where everything of a <see cref="SafeChart"/> goes, in the units of its SVG view box (a fixed width;
/// the browser scales the picture to its container). Bar charts with many categories, or labels too long
/// for their column, lie on their side so every label has a line of its own; a line chart shows every
/// k-th date; a label that still does not fit is cut with "…" and shown whole in its tooltip.
/// </summary>
internal sealed class ChartLayout
{
    public const double Width = 520;
    public const double FontSize = 12;

    /// <summary>More bar categories than this lie on their side: under a column each would get too few characters.</summary>
    public const int MaxColumns = 8;

    private const double Top = 10;
    private const double Right = 14;
    private const double AxisBand = 22;
    private const double MaxLabelShare = 0.45;

    /// <summary>A bar is no thicker than this, however few categories share the chart.</summary>
    private const double MaxBar = 44;

    private static readonly string[] Palette = ["#1E88E5", "#43A047", "#FB8C00", "#8E24AA", "#00ACC1", "#6D4C41", "#3949AB", "#C0CA33"];

    public const string LimitColor = "#D32F2F";

    private readonly IReadOnlyList<string> labels;
    private readonly IReadOnlyList<PlotSeries> series;

    public ChartLayout(ChartKind kind, IReadOnlyList<string> labels, IReadOnlyList<PlotSeries> series, PlotLimit? limit, double height)
    {
        this.labels = labels;
        this.series = series;
        Limit = limit;
        HasData = labels.Count > 0 && series.Any(s => s.Values.Any(v => v is > 0));
        var top = Math.Max(series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max(), limit?.Value ?? 0);
        (ScaleMax, var step) = NiceScale(top);
        Ticks = Enumerable.Range(0, (int)Math.Round(ScaleMax / step) + 1).Select(i => i * step).ToList();
        TickFormat = step >= 1 ? "N0" : "0.##";

        var longest = labels.Select(TextWidth).DefaultIfEmpty(0).Max();
        Horizontal = kind == ChartKind.Bar && labels.Count > 0 &&
            (labels.Count > MaxColumns || longest > ColumnWidth(labels.Count, Width - TickWidth() - Right) - 6);
        if (Horizontal)
        {
            var labelWidth = Math.Min(longest, Width * MaxLabelShare);
            PlotLeft = labelWidth + 10;
            PlotRight = Width - Right;
            RowHeight = Math.Max(20, (series.Count * 9) + 9);
            PlotTop = Top;
            PlotBottom = Top + (labels.Count * RowHeight);
            Height = PlotBottom + AxisBand;
            LabelRoom = labelWidth;
            LabelEvery = 1;
        }
        else
        {
            PlotLeft = TickWidth() + 10;
            PlotRight = Width - Right;
            PlotTop = Top;
            Height = height;
            PlotBottom = height - AxisBand;
            var column = ColumnWidth(labels.Count, PlotRight - PlotLeft);

            // Only a line chart gets here with labels wider than their column: it shows every k-th one.
            LabelEvery = Math.Max(1, (int)Math.Ceiling((longest + 6) / column));
            LabelRoom = (column * LabelEvery) - 6;
        }
    }

    public bool HasData { get; }

    /// <summary>Bars running left to right, one category per row, its label before it.</summary>
    public bool Horizontal { get; }

    public double Height { get; }

    public PlotLimit? Limit { get; }

    public double PlotLeft { get; }

    public double PlotRight { get; }

    public double PlotTop { get; }

    public double PlotBottom { get; }

    public IReadOnlyList<double> Ticks { get; }

    public string TickFormat { get; }

    /// <summary>Only every this-many-th category label is written (line charts with many dates); every point keeps its tooltip.</summary>
    public int LabelEvery { get; }

    private double ScaleMax { get; }

    private double RowHeight { get; }

    /// <summary>How wide a written label may be before it is cut.</summary>
    private double LabelRoom { get; }

    public static string Color(int series) => Palette[series % Palette.Length];

    /// <summary>Numbers for SVG attributes: invariant, whatever the user's culture.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The category's label as written on the axis: cut with "…" where it would run into the next one.</summary>
    public string Written(int category) => Fit(labels[category], LabelRoom);

    public bool Writes(int category) => category % LabelEvery == 0;

    /// <summary>The middle of a category: across the plot for columns and points, down it for rows.</summary>
    public double Middle(int category)
    {
        var (from, to) = Horizontal ? (PlotTop, PlotBottom) : (PlotLeft, PlotRight);
        return from + ((to - from) / labels.Count * (category + 0.5));
    }

    /// <summary>Where a value lies on the value axis (up the plot, or along it for rows).</summary>
    public double At(double value) => Horizontal
        ? PlotLeft + ((PlotRight - PlotLeft) * value / ScaleMax)
        : PlotBottom - ((PlotBottom - PlotTop) * value / ScaleMax);

    /// <summary>The bar of a series in a category: its rectangle, whatever way the chart lies.</summary>
    public (double X, double Y, double W, double H) Bar(int category, int seriesIndex, double value)
    {
        var band = Horizontal ? RowHeight : (PlotRight - PlotLeft) / labels.Count;
        var group = band * (Horizontal ? 0.8 : 0.7);
        var thickness = Math.Min(group / series.Count, MaxBar);
        group = thickness * series.Count;
        var start = Middle(category) - (group / 2) + (seriesIndex * thickness);
        var end = At(value);
        return Horizontal
            ? (PlotLeft, start, Math.Max(end - PlotLeft, 0), thickness)
            : (start, end, thickness, Math.Max(PlotBottom - end, 0));
    }

    /// <summary>Runs of consecutive points of a line series; a null breaks the line rather than dropping it to zero.</summary>
    public IEnumerable<IReadOnlyList<(double X, double Y)>> Runs(PlotSeries line)
    {
        var run = new List<(double X, double Y)>();
        for (var i = 0; i < line.Values.Count && i < labels.Count; i++)
        {
            if (line.Values[i] is { } value)
            {
                run.Add((Middle(i), At(value)));
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>
    /// Roughly how wide <paramref name="text"/> is written at <see cref="FontSize"/>: a CJK character takes
    /// an em, anything else about 0.6 em. Conservative on purpose: a label cut too early still shows whole
    /// in its tooltip, while one that overlaps its neighbour is unreadable.
    /// </summary>
    public static double TextWidth(string text) => text.Sum(c => c >= '\u2E80' ? 1.0 : 0.62) * FontSize;

    public static string Fit(string text, double width)
    {
        if (TextWidth(text) <= width)
        {
            return text;
        }

        var kept = new System.Text.StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.GetTextElement();
            if (TextWidth(kept + next + "…") > width)
            {
                break;
            }

            kept.Append(next);
        }

        return kept + "…";
    }

    /// <summary>An axis from 0 to a round number above <paramref name="top"/>, in steps of 1, 2 or 5 times a power of ten.</summary>
    public static (double Max, double Step) NiceScale(double top)
    {
        if (top <= 0)
        {
            top = 1;
        }

        var rough = top / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * magnitude).First(s => s >= rough - 1e-9);
        return (Math.Ceiling((top / step) - 1e-9) * step, step);
    }

    private static double ColumnWidth(int count, double plotWidth) => plotWidth / Math.Max(count, 1);

    private double TickWidth() => Ticks.Select(t => TextWidth(t.ToString(TickFormat, CultureInfo.CurrentCulture))).Max();
}
