using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ExecutionHub.Web.Infrastructure.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as one worksheet: the title, the description lines, a blank
/// row, the header row (kept in view when scrolling) and the data rows, with numbers and times as
/// real Excel values and columns sized to what they hold.
/// </summary>
public static class XlsxExportWriter
{
    private const int MaxSheetName = 31;
    private const double MinWidth = 6;
    private const double MaxWidth = 60;

    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken = default)
    {
        table.EnsureRectangular();
        var keys = Keys(table.Headers.Count);
        var rows = Normalized(table);
        var sheet = Sheet(keys, table, rows);

        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = false,
            FreezeRowCount = table.DescriptionLines().Count + 3,
            DynamicColumns = keys.Select((key, i) => Column(key, table.Headers[i], rows.Select(r => r[i]))).ToArray(),
        };
        await MiniExcel.SaveAsAsync(output, sheet, printHeader: false, sheetName: SheetName(table.Title), excelType: ExcelType.XLSX,
            configuration: configuration, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Writes several tables into one workbook, one worksheet each (named after its title, made unique),
    /// laid out as <see cref="WriteAsync"/> lays out one. Columns take the widest width any sheet needs.
    /// </summary>
    public static async Task WriteSheetsAsync(IReadOnlyList<ExportTable> tables, Stream output, CancellationToken cancellationToken = default)
    {
        if (tables.Count == 0)
        {
            throw new InvalidOperationException("A workbook needs at least one table.");
        }

        var width = tables.Max(t => t.Headers.Count);
        var keys = Keys(width);
        var sheets = new Dictionary<string, object>();
        var cells = new List<(string Header, object? Value)>[width];
        for (var i = 0; i < width; i++)
        {
            cells[i] = [];
        }

        foreach (var table in tables)
        {
            table.EnsureRectangular();
            var rows = Normalized(table);
            var sheet = Sheet(keys, table, rows);
            var name = SheetName(table.Title);
            for (var n = 2; sheets.ContainsKey(name); n++)
            {
                var suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
                name = SheetName(name[..Math.Min(name.Length, MaxSheetName - suffix.Length)] + suffix);
            }

            sheets[name] = sheet;
            for (var i = 0; i < table.Headers.Count; i++)
            {
                cells[i].Add((table.Headers[i], null));
                cells[i].AddRange(rows.Select(r => ((string)"", r[i])));
            }
        }

        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = false,
            DynamicColumns = keys.Select((key, i) => Column(key, cells[i].Select(c => c.Header).OrderByDescending(DisplayWidth).First(), cells[i].Select(c => c.Value))).ToArray(),
        };
        await MiniExcel.SaveAsAsync(output, sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The title as Excel accepts a sheet name: no <c>[ ] : * ? / \</c>, no leading or trailing
    /// apostrophe, at most 31 characters, not blank and not the reserved "History".
    /// </summary>
    public static string SheetName(string title)
    {
        var cleaned = new string(title.Where(c => !char.IsControl(c)).Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray()).Trim().Trim('\'').Trim();
        if (cleaned.Length > MaxSheetName)
        {
            // Never split a surrogate pair: half a character is not a name Excel opens.
            var length = char.IsHighSurrogate(cleaned[MaxSheetName - 1]) ? MaxSheetName - 1 : MaxSheetName;
            cleaned = cleaned[..length].TrimEnd().TrimEnd('\'');
        }

        if (cleaned.Length == 0)
        {
            return "Sheet1";
        }

        return cleaned.Equals("History", StringComparison.OrdinalIgnoreCase) ? cleaned + "_" : cleaned;
    }

    private static string[] Keys(int width) => Enumerable.Range(0, width).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static List<object?[]> Normalized(ExportTable table) => table.Rows.Select(row => row.Select(ExportCells.Normalize).ToArray()).ToList();

    /// <summary>
    /// MiniExcel writes the rows it is given and no header of its own, so the title and filter
    /// block are plain rows above the table; its only header styling would fall on the title.
    /// </summary>
    private static List<IDictionary<string, object?>> Sheet(string[] keys, ExportTable table, IReadOnlyList<object?[]> rows)
    {
        var sheet = new List<IDictionary<string, object?>> { Row(keys, [table.Title]) };
        sheet.AddRange(table.DescriptionLines().Select(line => Row(keys, [line])));
        sheet.Add(Row(keys, []));
        sheet.Add(Row(keys, [.. table.Headers]));
        sheet.AddRange(rows.Select(cells => Row(keys, cells)));
        return sheet;
    }

    private static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<object?> cells)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            row[keys[i]] = i < cells.Count ? ToExcel(cells[i]) : null;
        }

        return row;
    }

    // Excel has no date-only type: a date is midnight with a date format on its column.
    private static object? ToExcel(object? cell) => cell is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : cell;

    private static DynamicExcelColumn Column(string key, string header, IEnumerable<object?> cells)
    {
        var values = cells.ToList();
        var widest = values.Select(ExportCells.Text).Append(header).Max(DisplayWidth);
        return new DynamicExcelColumn(key)
        {
            Width = Math.Clamp(widest + 2, MinWidth, MaxWidth),
            Format = values.Any(v => v is DateTime) ? "yyyy-mm-dd hh:mm" : values.Any(v => v is DateOnly) ? "yyyy-mm-dd" : null,
        };
    }

    /// <summary>Columns are measured in Latin characters; a Chinese character takes about two, and only a cell's first line counts.</summary>
    private static double DisplayWidth(string text)
    {
        var firstLine = text.AsSpan();
        var newline = firstLine.IndexOfAny('\r', '\n');
        if (newline >= 0)
        {
            firstLine = firstLine[..newline];
        }

        var width = 0;
        foreach (var c in firstLine)
        {
            width += c >= '\u1100' && !char.IsLowSurrogate(c) ? 2 : 1;
        }

        return width;
    }
}
