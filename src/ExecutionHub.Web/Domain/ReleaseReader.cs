namespace ExecutionHub.Web.Domain;

/// <summary>A sum of a statistics release: <see cref="Whole"/> is the total of <see cref="Parts"/> (indices of counts).</summary>
internal sealed record CountSum(int Whole, int[] Parts);

/// <summary>
/// The reader <see cref="CountSuppression"/> guards against: given which counts of a release are hidden,
/// what adding and subtracting the shown ones along the release's sums gives away exactly (solved as
/// linear equations over every sum at once), and what reasoning with ranges pins down besides
/// ("&lt;3" is 1 or 2, "*" is 3 or more, an unpublished count is known to be zero or not).
/// It reads the release's own lists (concrete, for the hot loops) as they are when asked, so it sees counts and sums added after it was made.
/// </summary>
internal sealed class ReleaseReader(List<int> values, List<bool> published, List<CountSum> sums)
{
    private const long Infinity = 1L << 40;
    private const int MaxPasses = 500;
    private const double Epsilon = 1e-9;

    /// <summary>The hidden "&lt;3" counts that adding and subtracting shown counts recovers, in order.</summary>
    public List<int> Recoverable(bool[] hidden)
    {
        var lo = new long[values.Count];
        var hi = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            (lo[i], hi[i]) = hidden[i] ? (0L, Infinity) : (values[i], values[i]);
        }

        return Solved(lo, hi).Where(i => IsPrimary(i, hidden)).Order().ToList();
    }

    /// <summary>The hidden "&lt;3" counts a reader who also reasons with ranges can pin down, in order.</summary>
    public List<int> Pinned(bool[] hidden)
    {
        var (lo, hi) = Ranges(hidden);
        while (true)
        {
            if (!Narrow(lo, hi))
            {
                // Bounds still moving after many passes: assume the worst.
                return Enumerable.Range(0, values.Count).Where(i => IsPrimary(i, hidden)).ToList();
            }

            var solved = Solved(lo, hi);
            if (solved.Count == 0)
            {
                break;
            }

            foreach (var cell in solved)
            {
                lo[cell] = hi[cell] = values[cell];
            }
        }

        return Enumerable.Range(0, values.Count).Where(i => IsPrimary(i, hidden) && lo[i] == hi[i]).ToList();
    }

    /// <summary>What a reader knows of each count before using the sums.</summary>
    private (long[] Lo, long[] Hi) Ranges(bool[] hidden)
    {
        var lo = new long[values.Count];
        var hi = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            (lo[i], hi[i]) = (hidden[i], published[i], values[i]) switch
            {
                (false, _, var v) => (v, v),
                (true, true, < SuppressedCount.Threshold) => (1L, SuppressedCount.Threshold - 1L),
                (true, true, _) => (SuppressedCount.Threshold, Infinity),
                (true, false, 0) => (0L, 0L),
                _ => (1L, Infinity),
            };
        }

        return (lo, hi);
    }

    /// <summary>Narrows every range from each sum until nothing changes; false when it would not settle.</summary>
    private bool Narrow(long[] lo, long[] hi)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            foreach (var sum in sums)
            {
                long partsLo = 0, finiteHi = 0;
                var infinite = 0;
                foreach (var p in sum.Parts)
                {
                    partsLo += lo[p];
                    if (hi[p] >= Infinity)
                    {
                        infinite++;
                    }
                    else
                    {
                        finiteHi += hi[p];
                    }
                }

                changed |= Tighten(lo, hi, sum.Whole, partsLo, infinite > 0 ? Infinity : finiteHi);
                foreach (var p in sum.Parts)
                {
                    var othersLo = partsLo - lo[p];
                    var othersInfinite = infinite - (hi[p] >= Infinity ? 1 : 0) > 0;
                    var othersHi = othersInfinite ? Infinity : finiteHi - (hi[p] >= Infinity ? 0 : hi[p]);
                    var newLo = othersInfinite ? 0 : lo[sum.Whole] - othersHi;
                    var newHi = hi[sum.Whole] >= Infinity ? Infinity : hi[sum.Whole] - othersLo;
                    changed |= Tighten(lo, hi, p, newLo, newHi);
                }
            }

            if (!changed)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Tighten(long[] lo, long[] hi, int cell, long newLo, long newHi)
    {
        var changed = false;
        if (newLo > lo[cell])
        {
            lo[cell] = newLo;
            changed = true;
        }

        if (newHi < hi[cell])
        {
            hi[cell] = newHi;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// The counts not yet known that the sums fix as linear equations: Gauss-Jordan over the unknowns,
    /// where a reduced row with a single unknown left names one the sums determine.
    /// </summary>
    private List<int> Solved(long[] lo, long[] hi)
    {
        var unknowns = Enumerable.Range(0, values.Count).Where(i => lo[i] < hi[i]).ToArray();
        var column = new Dictionary<int, int>();
        for (var c = 0; c < unknowns.Length; c++)
        {
            column[unknowns[c]] = c;
        }

        var rows = new List<double[]>();
        foreach (var sum in sums)
        {
            var row = new double[unknowns.Length];
            var any = false;
            foreach (var (cell, sign) in sum.Parts.Select(p => (p, 1.0)).Append((sum.Whole, -1.0)))
            {
                if (column.TryGetValue(cell, out var c))
                {
                    row[c] += sign;
                    any = true;
                }
            }

            if (any)
            {
                rows.Add(row);
            }
        }

        var pivotRow = 0;
        for (var c = 0; c < unknowns.Length && pivotRow < rows.Count; c++)
        {
            var best = pivotRow;
            for (var r = pivotRow + 1; r < rows.Count; r++)
            {
                if (Math.Abs(rows[r][c]) > Math.Abs(rows[best][c]))
                {
                    best = r;
                }
            }

            if (Math.Abs(rows[best][c]) < Epsilon)
            {
                continue;
            }

            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var pivot = rows[pivotRow];
            var scale = pivot[c];
            for (var k = c; k < pivot.Length; k++)
            {
                pivot[k] /= scale;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var factor = rows[r][c];
                if (r == pivotRow || Math.Abs(factor) < Epsilon)
                {
                    continue;
                }

                var target = rows[r];
                for (var k = c; k < target.Length; k++)
                {
                    target[k] -= factor * pivot[k];
                }
            }

            pivotRow++;
        }

        var solved = new List<int>();
        foreach (var row in rows.Take(pivotRow))
        {
            var nonZero = -1;
            var count = 0;
            for (var c = 0; c < row.Length && count < 2; c++)
            {
                if (Math.Abs(row[c]) > Epsilon)
                {
                    nonZero = c;
                    count++;
                }
            }

            if (count == 1)
            {
                solved.Add(unknowns[nonZero]);
            }
        }

        return solved;
    }

    /// <summary>A "&lt;3": a published count of 1 or 2 that is hidden, the counts the release protects.</summary>
    private bool IsPrimary(int cell, bool[] hidden) => published[cell] && hidden[cell] && new SuppressedCount(values[cell]).IsSmall;
}
