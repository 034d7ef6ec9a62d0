namespace ExecutionHub.Web.Domain;

/// <summary>A count registered with a <see cref="CountSuppression"/>.</summary>
public readonly record struct CountCell(int Index);

/// <summary>
/// Decides which counts of one statistics release may be shown. The release is every count its
/// tables show plus the sums that tie them together: a table's rows add up to its total, a street's
/// communities to the street, the streets to the court, each cause's cases to their industries.
/// <list type="number">
/// <item>Every count of 1 or 2 is hidden and shown as "&lt;3"; 0 and counts of 3 or more are shown.</item>
/// <item>While any "&lt;3" can still be worked out exactly by adding and subtracting shown counts along
/// the sums (solved as linear equations over every table at once, so a difference of two nested
/// totals counts too), one more count of 3 or more in a sum around it is hidden as "*": the nearest
/// one that stops it, headline totals last, then the fewest sums it totals, preferring one that also
/// leaves it 1-or-2 to a reader who reasons with ranges ("&lt;3" is 1 or 2, "*" is 3 or more, so a "*"
/// of exactly 3 beside a lone "&lt;3" of 1 would give it away). Then the check runs again.</item>
/// <item>For a "&lt;3" that range reasoning still pins down (two "&lt;3" under a shown total that leaves
/// 2 for them), one more "*" is added if one alone opens it up.</item>
/// <item>Every "*" that later ones made unnecessary is shown again, headline totals first.</item>
/// </list>
/// Ranges are protected where it is cheap, not guaranteed: four "&lt;3" alone under a community of 4
/// are all 1, and insisting otherwise would hide nearly every total of a sparse table. Pure and
/// deterministic: the same counts always hide the same cells. What a reader can work out from a
/// choice of hidden cells is <see cref="ReleaseReader"/>'s to say; this class chooses.
/// </summary>
public sealed class CountSuppression
{
    private const int MaxTrials = 8;
    private const int MaxRangeTrials = 64;

    private readonly List<int> values = [];
    private readonly List<bool> published = [];
    private readonly List<CountSum> sums = [];
    private readonly List<List<int>> sumsOfCell = [];
    private readonly ReleaseReader reader;

    /// <summary>Of how many sums each count is the total: the more, the more a "*" there costs the reader.</summary>
    private readonly List<int> wholeOf = [];
    private readonly List<bool> headlines = [];

    public CountSuppression() => reader = new ReleaseReader(values, published, sums);

    /// <summary>A count the release shows (or hides).</summary>
    /// <param name="headline">A total readers look for first (a street's cases): hidden as "*" only when nothing else would do.</param>
    public CountCell Publish(int value, bool headline = false)
    {
        var cell = Add(value, isPublished: true);
        headlines.Add(headline);
        return cell;
    }

    /// <summary>
    /// A count the release never shows, but that ties shown counts together (the cases of one cause
    /// in one industry). A reader is assumed to know whether it is zero: which causes belong to which industry.
    /// </summary>
    public CountCell Unpublished(int value)
    {
        var cell = Add(value, isPublished: false);
        headlines.Add(false);
        return cell;
    }

    /// <summary>States that <paramref name="whole"/> is the sum of <paramref name="parts"/>; the values must agree.</summary>
    public void AddSum(CountCell whole, IEnumerable<CountCell> parts)
    {
        var indices = parts.Select(p => p.Index).ToArray();
        if (indices.Contains(whole.Index) || indices.Distinct().Count() != indices.Length)
        {
            throw new ArgumentException("A sum names each count once and not its whole among its parts.", nameof(parts));
        }

        if (indices.Sum(i => (long)values[i]) != values[whole.Index])
        {
            throw new InvalidOperationException($"The parts add up to {indices.Sum(i => (long)values[i])}, not {values[whole.Index]}.");
        }

        var sum = sums.Count;
        sums.Add(new CountSum(whole.Index, indices));
        sumsOfCell[whole.Index].Add(sum);
        wholeOf[whole.Index]++;
        foreach (var part in indices)
        {
            sumsOfCell[part].Add(sum);
        }
    }

    public SuppressionResult Solve()
    {
        var hidden = new bool[values.Count];
        for (var i = 0; i < hidden.Length; i++)
        {
            hidden[i] = !published[i] || IsSmall(i);
        }

        var complements = new List<int>();
        while (reader.Recoverable(hidden).FirstOrDefault(-1) is var exposed && exposed >= 0)
        {
            if (Complement(exposed, hidden) is not { } next)
            {
                for (var i = 0; i < hidden.Length; i++)
                {
                    hidden[i] |= values[i] > 0;
                }

                return Result(hidden);
            }

            hidden[next] = true;
            complements.Add(next);
        }

        KeepRangesOpen(complements, hidden);
        ShowUnneeded(complements, hidden);
        return Result(hidden);
    }

    /// <summary>
    /// For each "&lt;3" a reader reasoning with ranges pins down (two "&lt;3" under a shown 2 more than
    /// the rest), hides one more count if one alone opens it up again, within a budget of trials.
    /// </summary>
    private void KeepRangesOpen(List<int> complements, bool[] hidden)
    {
        var budget = MaxRangeTrials;
        var pinned = reader.Pinned(hidden);
        foreach (var cell in pinned.ToList())
        {
            if (!pinned.Contains(cell))
            {
                continue;
            }

            foreach (var candidate in Candidates(cell, hidden).Where(c => !headlines[c]).Take(MaxTrials))
            {
                if (budget-- <= 0)
                {
                    return;
                }

                hidden[candidate] = true;
                var after = reader.Recoverable(hidden).Count == 0 ? reader.Pinned(hidden) : pinned;
                if (!after.Contains(cell) && after.Count < pinned.Count)
                {
                    complements.Add(candidate);
                    pinned = after;
                    break;
                }

                hidden[candidate] = false;
            }
        }
    }

    /// <summary>
    /// Shows again each "*" that later ones made unnecessary (or that the sums give away anyway),
    /// headlines first, then latest first: the "&lt;3" stay unrecoverable and no range narrows further without it.
    /// </summary>
    private void ShowUnneeded(List<int> complements, bool[] hidden)
    {
        var pinned = reader.Pinned(hidden).Count;
        foreach (var cell in complements.AsEnumerable().Reverse().OrderBy(c => !headlines[c]).ToList())
        {
            hidden[cell] = false;
            if (reader.Recoverable(hidden).Count > 0 || reader.Pinned(hidden).Count > pinned)
            {
                hidden[cell] = true;
            }
        }
    }

    private SuppressionResult Result(bool[] hidden) =>
        new(values.Select((v, i) => new SuppressedCount(v, hidden[i] && (!published[i] || v >= SuppressedCount.Threshold))).ToArray());

    private CountCell Add(int value, bool isPublished)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        values.Add(value);
        published.Add(isPublished);
        sumsOfCell.Add([]);
        wholeOf.Add(0);
        return new CountCell(values.Count - 1);
    }

    private bool IsSmall(int cell) => new SuppressedCount(values[cell]).IsSmall;

    /// <summary>
    /// The count to hide next for a recoverable "&lt;3": among the shown counts of 3 or more in the sums
    /// around the hidden cells it is linked to (nearest first, totals last, then smallest), the one
    /// that stops it being recovered while being the total of the fewest sums, keeping its range
    /// open if that costs nothing more; if none does alone, the first (the next turn adds another).
    /// </summary>
    private int? Complement(int exposed, bool[] hidden)
    {
        var candidates = Candidates(exposed, hidden);
        (int Cell, int Cost)? best = null;
        foreach (var candidate in candidates.Take(MaxTrials))
        {
            hidden[candidate] = true;
            var stops = !reader.Recoverable(hidden).Contains(exposed);
            var cost = stops ? (wholeOf[candidate] * 2) + (reader.Pinned(hidden).Contains(exposed) ? 1 : 0) : int.MaxValue;
            hidden[candidate] = false;
            if (best is null || cost < best.Value.Cost)
            {
                best = (candidate, cost);
            }
        }

        return best?.Cell;
    }

    private List<int> Candidates(int start, bool[] hidden)
    {
        var distance = new Dictionary<int, int> { [start] = 0 };
        var queue = new Queue<int>([start]);
        var found = new List<(int Cell, int Distance)>();
        var seenSums = new HashSet<int>();
        while (queue.Count > 0)
        {
            var cell = queue.Dequeue();
            foreach (var s in sumsOfCell[cell].Where(seenSums.Add))
            {
                foreach (var other in sums[s].Parts.Append(sums[s].Whole).Where(o => !distance.ContainsKey(o)))
                {
                    distance[other] = distance[cell] + 1;
                    if (hidden[other])
                    {
                        queue.Enqueue(other);
                    }
                    else if (values[other] >= SuppressedCount.Threshold)
                    {
                        found.Add((other, distance[other]));
                    }
                }
            }
        }

        // Headlines only when nothing else is left.
        return found
            .Where(f => !headlines[f.Cell] || found.All(o => headlines[o.Cell]))
            .OrderBy(f => f.Distance)
            .ThenBy(f => wholeOf[f.Cell])
            .ThenBy(f => values[f.Cell])
            .ThenBy(f => f.Cell)
            .Select(f => f.Cell)
            .ToList();
    }
}

/// <summary>What <see cref="CountSuppression.Solve"/> decided, count by count.</summary>
public sealed class SuppressionResult(IReadOnlyList<SuppressedCount> counts)
{
    /// <summary>The count as it may be shown; an unpublished count always comes back hidden.</summary>
    public SuppressedCount this[CountCell cell] => counts[cell.Index];
}
