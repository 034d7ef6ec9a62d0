namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>
/// The national holiday lists shipped with the application (china-holidays-{year}.txt, embedded),
/// offered in the import dialog so an administrator need not type them. They are never imported
/// by themselves: the State Council publishes each year's schedule only in the November before.
/// </summary>
public static class OfficialHolidayLists
{
    private const string Prefix = "ExecutionHub.Web.Deadlines.china-holidays-";

    /// <summary>The years a list ships for.</summary>
    public static IReadOnlyList<int> Years { get; } = typeof(OfficialHolidayLists).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
        .Select(n => int.TryParse(n.AsSpan(Prefix.Length, n.Length - Prefix.Length - ".txt".Length), out var year) ? year : 0)
        .Where(year => year > 0)
        .Order()
        .ToList();

    /// <summary>The shipped list for <paramref name="year"/>, or null when none ships.</summary>
    public static string? For(int year)
    {
        using var stream = typeof(OfficialHolidayLists).Assembly.GetManifestResourceStream($"{Prefix}{year}.txt");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
