using System.Globalization;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Time;

namespace ExecutionHub.Web.Infrastructure.Export;

/// <summary>What a cell of an <see cref="ExportTable"/> becomes in a file, the same for every format.</summary>
internal static class ExportCells
{
    public const string DateTimeText = "yyyy-MM-dd HH:mm";
    public const string DateText = "yyyy-MM-dd";

    /// <summary>
    /// Text stays text, numbers stay numbers (as decimal or double), times become Shanghai wall-clock
    /// times (an unspecified kind is taken as UTC, as the app stores it), yes/no and anything else
    /// become text, and empty text, null and non-finite numbers become an empty cell.
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        DateTime time => ChinaTime.ToLocal(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time),
        DateTimeOffset time => ChinaTime.ToLocal(time.UtcDateTime),
        DateOnly date => date,
        decimal number => number,
        double number => double.IsFinite(number) ? number : null,
        float number => float.IsFinite(number) ? (double)number : null,
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        bool yes => UiText.Get(yes ? "Common.Yes" : "Common.No"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A normalized cell as text, for CSV and for measuring column widths.</summary>
    public static string Text(object? normalized) => normalized switch
    {
        null => "",
        string text => text,
        DateTime time => time.ToString(DateTimeText, CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(DateText, CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => normalized.ToString() ?? "",
    };

    public static bool IsNumber(object? normalized) => normalized is decimal or double;
}
