using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace ExecutionHub.Web.Features.Imports;

public enum LedgerFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>One data row of a ledger file as text cells, with its row number in the file (the header is row 1).</summary>
public sealed record LedgerLine(int Row, IReadOnlyList<string> Cells);

/// <summary>
/// The historical ledger's file layout: a header row naming the columns in a fixed order, then one
/// row per matter. Reads CSV (UTF-8, or GB18030 as Excel saves it on a Chinese Windows) and XLSX
/// (the first worksheet) into text cells; blank rows are skipped. What a cell means is
/// <see cref="LedgerRowRules"/>' business, not the file's.
/// </summary>
public static class LedgerFile
{
    public const string CaseNumber = "case_number";
    public const string MatterType = "matter_type";
    public const string Source = "source";
    public const string Street = "street";
    public const string Community = "community";
    public const string TargetName = "target_name";
    public const string TargetIdNumber = "target_id_number";
    public const string ReceivedAt = "received_at";
    public const string DispatchedAt = "dispatched_at";
    public const string FedBackAt = "fed_back_at";
    public const string ClosedAt = "closed_at";
    public const string Outcome = "outcome";
    public const string Notes = "notes";

    /// <summary>
    /// Optional, after <see cref="Notes"/>: the judge of a case the ledger creates (staff number, user name or user id), where
    /// it is not the import's judge for new cases. A file without it is read as before.
    /// </summary>
    public const string Judge = "judge";

    /// <summary>The whole row or the file itself, when an error belongs to no single column.</summary>
    public const string Header = "header";

    public static readonly IReadOnlyList<string> Columns =
        [CaseNumber, MatterType, Source, Street, Community, TargetName, TargetIdNumber, ReceivedAt, DispatchedAt, FedBackAt, ClosedAt, Outcome, Notes];

    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public static LedgerFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => LedgerFormat.Csv,
        ".xlsx" => LedgerFormat.Xlsx,
        _ => null,
    };

    /// <summary>
    /// The data rows of the file, the header checked and left out; or, with no rows, the error that
    /// refuses the whole file (in column <see cref="Header"/>): unreadable, a header that is not the
    /// ledger's, no data rows, or more than <see cref="MaxRows"/>.
    /// </summary>
    public static (IReadOnlyList<LedgerLine> Rows, LedgerRowError? Error) ReadRows(byte[] content, LedgerFormat format)
    {
        List<LedgerLine> lines;
        try
        {
            lines = Read(content, format);
        }
        catch (InvalidDataException)
        {
            return Refused(1, "Import.Error.Unreadable");
        }

        if (lines.Count == 0 || !HasExpectedHeader(lines[0]))
        {
            var (_, error) = Refused(lines.Count == 0 ? 1 : lines[0].Row, "Import.Error.Header", string.Join(", ", Columns));
            return ([], error! with { Value = lines.Count == 0 ? null : string.Join(',', lines[0].Cells), Allowed = Columns });
        }

        var rows = lines.Skip(1).ToList();
        if (rows.Count == 0)
        {
            return Refused(lines[0].Row, "Import.Error.NoRows");
        }

        if (rows.Count > MaxRows)
        {
            return Refused(rows[MaxRows].Row, "Import.Error.TooManyRows", MaxRows);
        }

        return (rows, null);
    }

    private static (IReadOnlyList<LedgerLine>, LedgerRowError?) Refused(int row, string key, params object[] args) =>
        ([], LedgerRowError.Of(row, Header, key, args));

    /// <summary>The column's position in a row, -1 for a name that is not a column.</summary>
    public static int IndexOf(string column) => ColumnIndexes.GetValueOrDefault(column, -1);

    // Built once: a cell is looked up by column name a dozen times per row, for up to 5,000 rows.
    private static readonly Dictionary<string, int> ColumnIndexes =
        Columns.Append(Judge).Select((column, index) => (column, index)).ToDictionary(c => c.column, c => c.index, StringComparer.Ordinal);

    /// <summary>
    /// The rows of the file, header first, at most <see cref="MaxRows"/> + 2 (the header, the
    /// allowed rows and one more to tell that there are too many): a small compressed XLSX can hold
    /// millions of rows, and reading them all would only be to refuse them.
    /// Throws <see cref="InvalidDataException"/> when the file cannot be read at all.
    /// </summary>
    private static List<LedgerLine> Read(byte[] content, LedgerFormat format) =>
        format == LedgerFormat.Xlsx ? ReadXlsx(content) : ReadCsv(content);

    private const int MaxLines = MaxRows + 2;

    /// <summary>
    /// Whether the header row names exactly the ledger's columns, in order, with or without the optional <see cref="Judge"/>
    /// last (case, spaces and empty trailing cells aside).
    /// </summary>
    public static bool HasExpectedHeader(LedgerLine header)
    {
        var names = header.Cells.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        while (names.Count > Columns.Count && names[^1].Length == 0)
        {
            names.RemoveAt(names.Count - 1);
        }

        return names.SequenceEqual(Columns) || names.SequenceEqual(Columns.Append(Judge));
    }

    private static List<LedgerLine> ReadCsv(byte[] content)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Throw,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        var lines = new List<LedgerLine>();
        try
        {
            using var csv = CsvReader.FromText(Decode(content), options);
            while (lines.Count < MaxLines && csv.Read())
            {
                var cells = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToList();
                if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    lines.Add(new LedgerLine((int)csv.LineNumber, cells));
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw new InvalidDataException("Not a readable CSV file", ex);
        }

        return lines;
    }

    /// <summary>UTF-8 (with or without a byte-order mark); a file that is not valid UTF-8 is read as GB18030.</summary>
    private static string Decode(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static List<LedgerLine> ReadXlsx(byte[] content)
    {
        var lines = new List<LedgerLine>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var row = 0;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                if (lines.Count >= MaxLines)
                {
                    break;
                }

                row++;
                var texts = cells.OrderBy(c => ColumnIndex(c.Key)).Select(c => CellText(c.Value)).ToList();
                if (texts.Any(t => t.Length > 0))
                {
                    lines.Add(new LedgerLine(row, texts));
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException("Not a readable XLSX file", ex);
        }

        return lines;
    }

    /// <summary>A, B, …, Z, AA… as 0, 1, …, 25, 26…</summary>
    private static int ColumnIndex(string letters) => letters.Aggregate(0, (sum, c) => (sum * 26) + (char.ToUpperInvariant(c) - 'A' + 1)) - 1;

    /// <summary>Excel dates come as local times without an offset (read as Asia/Shanghai); numbers in invariant form.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
