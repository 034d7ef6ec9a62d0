using System.Globalization;
using ExecutionHub.Web.Domain;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>
/// One statistics table as the street view shows it, already suppressed: a hidden count or amount
/// has no value here at all, so neither the page, nor a chart, nor an export can show it.
/// </summary>
/// <param name="Id">Names the table's title (<c>Statistics.Table.{Id}</c>), its definition and its test id.</param>
public sealed record StatTable(string Id, IReadOnlyList<StatColumn> Columns, IReadOnlyList<StatRow> Rows)
{
    public StatChart Chart { get; init; } = StatChart.Bar;

    /// <summary>The count columns drawn as the chart's series.</summary>
    public IReadOnlyList<int> ChartColumns { get; init; } = [];

    /// <summary>A heat table: cells shaded by their count.</summary>
    public bool Heat { get; init; }

    public IReadOnlyList<StatRow> Items => Rows.Where(r => r.Kind == StatRowKind.Item).ToList();

    /// <summary>An amount, rate, time or change hidden with its count: it reads "—", and the table says why.</summary>
    public bool HidesFigures => Rows.Any(r => r.Cells.Where((cell, i) => cell.IsSuppressed && r.MeasureIn(Columns[i]) != StatMeasure.Count).Any());
}

public enum StatChart
{
    None,
    Bar,
    Line,
}

public enum StatMeasure
{
    Count,
    Yuan,

    /// <summary>A ratio shown as a percentage.</summary>
    Percent,
    Hours,

    /// <summary>A change against the previous period, as a percentage with an arrow up or down.</summary>
    Change,
}

public sealed record StatColumn(StatText Header, StatMeasure Measure);

public enum StatRowKind
{
    Item,
    Subtotal,
    Total,
}

/// <param name="Measure">Overrides the columns' measure for a row of its own kind (the overview's figures); a change column stays a change.</param>
public sealed record StatRow(StatText Label, IReadOnlyList<StatValue> Cells, StatRowKind Kind = StatRowKind.Item, StatMeasure? Measure = null)
{
    public StatMeasure MeasureIn(StatColumn column) => column.Measure == StatMeasure.Change ? StatMeasure.Change : Measure ?? column.Measure;
}

/// <summary>A label: a resource key or a name from the data (a community, a cause), optionally after a prefix (its street).</summary>
public sealed record StatText(string? Key = null, string? Literal = null, StatText? Prefix = null)
{
    public static StatText Of(string key) => new(Key: key);

    public static StatText Name(string name, string? prefix = null) => new(Literal: name, Prefix: prefix is null ? null : Name(prefix));

    public string Localize(IStringLocalizer localizer)
    {
        var text = Key is null ? Literal ?? "" : localizer[Key].Value;
        return Prefix is null ? text : $"{Prefix.Localize(localizer)} · {text}";
    }
}

public enum StatMark
{
    Shown,

    /// <summary>1 or 2 cases: "&lt;3".</summary>
    Small,

    /// <summary>Hidden so a "&lt;3" cannot be worked out: "*".</summary>
    Hidden,

    /// <summary>Nothing to average or compare: "—".</summary>
    Empty,
}

/// <summary>A cell: a value only when it may be shown.</summary>
public readonly record struct StatValue(decimal? Value, StatMark Mark)
{
    public const string EmptyMark = "—";

    public static readonly StatValue Empty = new(null, StatMark.Empty);

    public static StatValue Shown(decimal value) => new(value, StatMark.Shown);

    public static StatValue Count(SuppressedCount count) => Masked(count) ?? Shown(count.Value);

    /// <summary>A figure of a group (its amount, a rate, an average): hidden as its count is; "—" when there is nothing to compute.</summary>
    public static StatValue Of(SuppressedCount group, decimal? value) => Masked(group) ?? (value is { } v ? Shown(v) : Empty);

    /// <summary>An average or rate over <paramref name="basis"/> items, which may not count: computed over fewer than 3 it is "&lt;3" too.</summary>
    public static StatValue Over(int basis, decimal? value) =>
        basis is > 0 and < SuppressedCount.Threshold ? new(null, StatMark.Small) : value is { } v ? Shown(v) : Empty;

    private static StatValue? Masked(SuppressedCount count) =>
        count.IsSmall ? new(null, StatMark.Small) : count.Complementary ? new(null, StatMark.Hidden) : null;

    /// <summary>A count hidden by suppression, or a figure (amount, rate, hours, change) hidden with its count.</summary>
    public bool IsSuppressed => Mark is StatMark.Small or StatMark.Hidden;

    /// <summary>
    /// "&lt;3" and "*" are counts' marks: an amount reading "&lt;3" looks like "under 3 yuan", so a figure
    /// hidden with its count reads "—", which the footnote <c>Statistics.AmountSuppressed</c> explains.
    /// </summary>
    public string Format(StatMeasure measure, IFormatProvider culture) => Mark switch
    {
        StatMark.Small or StatMark.Hidden when measure != StatMeasure.Count => EmptyMark,
        StatMark.Small => SuppressedCount.SmallMark,
        StatMark.Hidden => SuppressedCount.HiddenMark,
        StatMark.Empty => EmptyMark,
        _ => measure switch
        {
            StatMeasure.Count => Value!.Value.ToString("N0", culture),
            StatMeasure.Yuan => Value!.Value.ToString("N2", culture),
            StatMeasure.Percent => Value!.Value.ToString("0.0%", culture),
            StatMeasure.Hours => Value!.Value.ToString("0.0", culture),
            // Arrows, not signs: a cell starting with + or - is a formula to a spreadsheet, and escaping it shows a stray quote.
            _ => Value!.Value.ToString("↑0.0%;↓0.0%;0.0%", culture),
        },
    };

    public string Format(StatMeasure measure) => Format(measure, CultureInfo.CurrentCulture);
}
