namespace ExecutionHub.Web.Domain;

/// <summary>
/// Guesses a residents' committee from an address: a committee is usually named after its road
/// (河间路居委 → 河间路, 平凉一居委 → 平凉), so the committee whose name stem the address contains,
/// longest stem first, is the suggestion. No match, no suggestion.
/// </summary>
public static class CommunityMatch
{
    private static readonly string[] Suffixes = ["居民委员会", "居委会", "居委", "社区"];

    public static string Stem(string communityName)
    {
        var stem = communityName;
        foreach (var suffix in Suffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = stem[..^suffix.Length];
                break;
            }
        }

        return stem.TrimEnd('一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '第', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    }

    public static int? Suggest(string? address, IEnumerable<(int Id, string Name)> communities)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        return communities
            .Select(c => (c.Id, Stem: Stem(c.Name)))
            .Where(c => c.Stem.Length >= 2 && address.Contains(c.Stem, StringComparison.Ordinal))
            .OrderByDescending(c => c.Stem.Length)
            .Select(c => (int?)c.Id)
            .FirstOrDefault();
    }
}
