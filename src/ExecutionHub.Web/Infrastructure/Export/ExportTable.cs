using System.Globalization;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Time;

namespace ExecutionHub.Web.Infrastructure.Export;

/// <summary>
/// A table as the user sees it, ready to be written to a file: what it is, which filters made it,
/// when it was taken, its localized column headers and its rows.
/// </summary>
public sealed record ExportTable
{
    public required string Title { get; init; }

    /// <summary>The filters applied on screen, each written as a "name: value" line above the table.</summary>
    public IReadOnlyList<ExportFilter> Filters { get; init; } = [];

    /// <summary>When the data was read; written in Shanghai time, and its date names the file.</summary>
    public required DateTime ExportedAtUtc { get; init; }

    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>
    /// One list of cells per row, as many as <see cref="Headers"/>: text, numbers (written as numbers),
    /// <see cref="DateTime"/> in UTC (written in Shanghai time), <see cref="DateOnly"/>, or null for an empty cell.
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<object?>> Rows { get; init; }

    /// <summary>Anything else a reader of the file must know, such as rows left out by a cap.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The lines between the title and the table, in the current UI language: the filters (or "none"), the export time, the notes.</summary>
    public IReadOnlyList<string> DescriptionLines()
    {
        List<string> lines = Filters.Count == 0
            ? [Line(UiText.Get("Export.Filters"), UiText.Get("Common.None"))]
            : Filters.Select(f => Line(f.Name, f.Value)).ToList();
        lines.Add(Line(UiText.Get("Export.ExportedAt"), ChinaTime.Format(ExportedAtUtc)));
        lines.AddRange(Notes);
        return lines;
    }

    /// <summary>Throws when a row has more or fewer cells than there are headers: a misaligned export is worse than none.</summary>
    internal void EnsureRectangular()
    {
        if (Headers.Count == 0)
        {
            throw new InvalidOperationException("An export needs at least one column.");
        }

        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Count != Headers.Count)
            {
                throw new InvalidOperationException($"Row {i} has {Rows[i].Count} cells for {Headers.Count} columns.");
            }
        }
    }

    private static string Line(string name, string value) =>
        string.Format(CultureInfo.CurrentCulture, UiText.Get("Common.LabelValue"), name, value);
}

/// <summary>A filter applied to the exported table, by its on-screen name and the value chosen.</summary>
public sealed record ExportFilter(string Name, string Value)
{
    /// <summary>What this filter adds to the file name; the value unless it says nothing alone (a switch's "yes").</summary>
    public string FileNamePart { get; init; } = Value;

    /// <summary>A switch that is on: "仅超期：是" in the file, "仅超期" in its name.</summary>
    public static ExportFilter Switch(string name) => new(name, UiText.Get("Common.Yes")) { FileNamePart = name };
}

public enum ExportFormat
{
    Xlsx,
    Csv,
}

public static class ExportFormats
{
    public static string Extension(this ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";

    public static string ContentType(this ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv;charset=utf-8";
}
