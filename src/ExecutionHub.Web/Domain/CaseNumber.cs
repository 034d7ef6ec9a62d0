using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ExecutionHub.Web.Domain;

/// <summary>
/// An execution case number such as <c>(2025)沪0110执1234号</c>: year, the court's code (one
/// province character and four digits), the execution case-type word (执, 执恢, 执异, 执保, 执复,
/// 执监, 执协) and a serial. Full-width brackets are accepted on input and normalised to ASCII.
/// </summary>
public sealed partial record CaseNumber
{
    private CaseNumber(int year, string courtCode, string kind, int serial)
    {
        Year = year;
        CourtCode = courtCode;
        Kind = kind;
        Serial = serial;
    }

    public int Year { get; }
    public string CourtCode { get; }
    public string Kind { get; }
    public int Serial { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out CaseNumber? caseNumber)
    {
        caseNumber = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var serial = int.Parse(match.Groups["serial"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year < 1990 || year > 2100 || serial == 0)
        {
            return false;
        }

        caseNumber = new CaseNumber(year, match.Groups["court"].Value, match.Groups["kind"].Value, serial);
        return true;
    }

    public static CaseNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"Not a case number: {text}");

    public override string ToString() => $"({Year}){CourtCode}{Kind}{Serial}号";

    [GeneratedRegex(@"^[\(（](?<year>\d{4})[\)）](?<court>[\u4e00-\u9fa5]\d{4})(?<kind>执(恢|异|保|复|监|协)?)(?<serial>\d{1,6})号$")]
    private static partial Regex Pattern();
}
