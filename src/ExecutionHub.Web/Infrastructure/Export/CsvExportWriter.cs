using System.Globalization;
using CsvHelper;

namespace ExecutionHub.Web.Infrastructure.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as RFC 4180 CSV in UTF-8 with a byte order mark (without it
/// Excel reads Chinese as mojibake): the title and description lines as "# …" records, a blank
/// record, the header and the rows. Every record has as many fields as there are columns.
/// </summary>
public static class CsvExportWriter
{
    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken = default)
    {
        table.EnsureRectangular();
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            NewLine = "\r\n",
            FormatProvider = CultureInfo.InvariantCulture,
            // Text starting with = + - @ would run as a formula when Excel opens the file; numbers
            // are written as numbers and are not touched.
            Injection = CsvInjection.Escape,
        };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        var width = table.Headers.Count;

        WriteLine(csv, "# " + table.Title, width);
        foreach (var line in table.DescriptionLines())
        {
            WriteLine(csv, "# " + line, width);
        }

        WriteLine(csv, "", width);
        foreach (var header in table.Headers)
        {
            csv.WriteField(header);
        }

        csv.EndRecord();
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var cell in row.Select(ExportCells.Normalize))
            {
                switch (cell)
                {
                    case decimal number:
                        csv.WriteField(number, default);
                        break;
                    case double number:
                        csv.WriteField(number, default);
                        break;
                    default:
                        csv.WriteField(ExportCells.Text(cell));
                        break;
                }
            }

            csv.EndRecord();
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteLine(CsvWriter csv, string text, int width)
    {
        csv.WriteField(text);
        for (var i = 1; i < width; i++)
        {
            csv.WriteField("");
        }

        csv.EndRecord();
    }
}
