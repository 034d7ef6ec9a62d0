using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExecutionHub.Web.Infrastructure.Time;

namespace ExecutionHub.Web.Infrastructure.Export;

/// <summary>Names an export after what it holds: <c>待反馈事项_平凉路街道_2026-11-27.xlsx</c>.</summary>
public static partial class ExportFileName
{
    /// <summary>Characters the name may have before the date; a Chinese character takes 3 of the 255 bytes a file name may have.</summary>
    private const int MaxLength = 80;

    /// <summary>
    /// The title, each filter's file-name part and the Shanghai date of export, joined by "_", safe on
    /// Windows, macOS and Linux. Filters from the first that would make the name too long on are left
    /// out of it (the file itself names them all). The date always ends the name, so no name is one Windows reserves.
    /// </summary>
    public static string For(ExportTable table, ExportFormat format)
    {
        var date = ChinaTime.ToLocal(table.ExportedAtUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = new StringBuilder();
        foreach (var part in new[] { table.Title }.Concat(table.Filters.Select(f => f.FileNamePart)).Select(Clean).Where(p => p.Length > 0))
        {
            if (name.Length == 0)
            {
                name.Append(Shorten(part));
            }
            else if (name.Length + 1 + part.Length <= MaxLength)
            {
                name.Append('_').Append(part);
            }
            else
            {
                break;
            }
        }

        return $"{(name.Length == 0 ? "export" : name)}_{date}{format.Extension()}";
    }

    /// <summary>One part of a name: characters a file system refuses, "_" (the separator) and runs of spaces or commas become one "-".</summary>
    private static string Clean(string part) =>
        Unsafe().Replace(part.Normalize(NormalizationForm.FormC), "-").Trim('-', '.', ' ');

    private static string Shorten(string part)
    {
        if (part.Length <= MaxLength)
        {
            return part;
        }

        // Never keep half of a surrogate pair.
        var length = char.IsHighSurrogate(part[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return part[..length].TrimEnd('-', '.', ' ');
    }

    [GeneratedRegex(@"(?:[\\/:*?""<>|_,，\p{Cc}\p{Cf}\s-])+")]
    private static partial Regex Unsafe();
}
