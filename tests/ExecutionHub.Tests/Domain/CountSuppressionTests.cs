using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class CountSuppressionTests
{
    [Fact]
    public void Should_show_zero_and_counts_of_three_or_more_and_hide_ones_and_twos()
    {
        var release = new Release();
        var cells = new[] { 0, 1, 2, 3, 15 }.Select(v => release.Count(v)).ToArray();

        var shown = release.Solve();

        Assert.Equal(["0", "<3", "<3", "3", "15"], shown.Of(cells));
    }

    [Fact]
    public void Should_hide_the_next_smallest_count_beside_a_lone_small_count_so_the_total_cannot_give_it_away()
    {
        // 2 + 7 + 4 + 10 = 23: with only the 2 hidden, 23 − 7 − 4 − 10 would give it back.
        var release = new Release();
        var (parts, total) = release.Line(23, 2, 7, 4, 10);

        var shown = release.Solve();

        Assert.Equal(["<3", "7", "*", "10"], shown.Of(parts));
        Assert.Equal("23", shown[total].ToString());
        // What is left to a reader: "<3" + "*" = 6, which is 1 + 5 or 2 + 4.
        Assert.Equal([1, 2], release.PossibleValues(shown, parts[0]));
    }

    [Fact]
    public void Should_not_protect_a_one_with_a_three_when_a_larger_count_keeps_it_uncertain()
    {
        // Hiding the 3 would leave "<3" + "*" = 4 with "*" at least 3: the "<3" could only be 1.
        var release = new Release();
        var (parts, total) = release.Line(18, 1, 3, 6, 8);

        var shown = release.Solve();

        Assert.Equal(["<3", "3", "*", "8"], shown.Of(parts));
        Assert.Equal("18", shown[total].ToString());
        Assert.Equal([1, 2], release.PossibleValues(shown, parts[0]));
    }

    [Fact]
    public void Should_hide_one_more_count_when_two_small_counts_under_a_total_would_read_as_ones()
    {
        // "<3" + "<3" = 16 − 5 − 9 = 2 says both are 1.
        var release = new Release();
        var (parts, _) = release.Line(16, 1, 1, 5, 9);

        var shown = release.Solve();

        Assert.Equal(["<3", "<3", "*", "9"], shown.Of(parts));
        Assert.Equal([1, 2], release.PossibleValues(shown, parts[0]));
        Assert.Equal([1, 2], release.PossibleValues(shown, parts[1]));
    }

    [Fact]
    public void Should_protect_a_small_count_in_a_table_with_row_and_column_totals()
    {
        //        X   Y   Z | total
        //   A    5   1   4 |  10
        //   B    6   7   3 |  16
        //   C    4   5   8 |  17
        //   ----------------------
        //       15  13  15 |  43
        var release = new Release();
        int[,] counts = { { 5, 1, 4 }, { 6, 7, 3 }, { 4, 5, 8 } };
        var cells = new CountCell[3, 3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                cells[r, c] = release.Count(counts[r, c]);
            }
        }

        var rows = Enumerable.Range(0, 3).Select(r => release.Sum(Enumerable.Range(0, 3).Select(c => cells[r, c]).ToArray())).ToArray();
        var columns = Enumerable.Range(0, 3).Select(c => release.Sum(Enumerable.Range(0, 3).Select(r => cells[r, c]).ToArray())).ToArray();
        var grand = release.Sum(rows);
        release.AddSum(grand, columns);

        var shown = release.Solve();

        // A rectangle of four hidden cells (A and C by X and Y): no row or column holds a lone hidden
        // count, and every total shows. A reader learns A·X + A·Y = 6 and A·Y + C·Y = 6: 1 + 5 or 2 + 4.
        Assert.Equal(["*", "<3", "4"], shown.Of([cells[0, 0], cells[0, 1], cells[0, 2]]));
        Assert.Equal(["6", "7", "3"], shown.Of([cells[1, 0], cells[1, 1], cells[1, 2]]));
        Assert.Equal(["*", "*", "8"], shown.Of([cells[2, 0], cells[2, 1], cells[2, 2]]));
        Assert.Equal(["10", "16", "17", "15", "13", "15", "43"], shown.Of([.. rows, .. columns, grand]));
        Assert.Equal([1, 2], release.PossibleValues(shown, cells[0, 1]));
    }

    [Fact]
    public void Should_protect_a_small_cause_that_its_industry_total_would_give_away()
    {
        // Causes A (2 cases) and B (10) are both in industry X (12); cause C (8) is industry Y (8).
        // Hiding C would not do: X − B = 2. Hiding B does, in both tables at once.
        var release = new Release();
        var (causes, grand) = release.Line(20, 2, 10, 8);
        var links = new[] { 2, 10, 8 }.Select(v => release.Unpublished(v)).ToArray();
        for (var i = 0; i < 3; i++)
        {
            release.AddSum(causes[i], [links[i]]);
        }

        var industryX = release.Sum(links[0], links[1]);
        var industryY = release.Sum(links[2]);
        release.AddSum(grand, [industryX, industryY]);

        var shown = release.Solve();

        Assert.Equal(["<3", "*", "8"], shown.Of(causes));
        Assert.Equal(["12", "8", "20"], shown.Of([industryX, industryY, grand]));
        Assert.Equal([1, 2], release.PossibleValues(shown, causes[0]));
    }

    [Fact]
    public void Should_hide_an_ordinary_count_rather_than_a_headline_total()
    {
        // The street's 5 is a headline (it heads the overview); the 9 is not.
        var release = new Release();
        var small = release.Count(2);
        var street = release.Count(5, headline: true);
        var other = release.Count(9);
        var total = release.Sum(small, street, other);

        var shown = release.Solve();

        Assert.Equal(["<3", "5", "*", "16"], shown.Of([small, street, other, total]));
    }

    [Fact]
    public void Should_hide_a_headline_total_when_nothing_else_would_do()
    {
        var release = new Release();
        var small = release.Count(2, headline: true);
        var large = release.Count(30, headline: true);
        var court = release.Sum([small, large], headline: true);

        var shown = release.Solve();

        Assert.Equal(["<3", "*", "32"], shown.Of([small, large, court]));
    }

    [Fact]
    public void Should_refuse_a_sum_whose_parts_do_not_add_up()
    {
        var release = new CountSuppression();
        var whole = release.Publish(10);
        var parts = new[] { release.Publish(3), release.Publish(4) };

        Assert.Throws<InvalidOperationException>(() => release.AddSum(whole, parts));
    }

    [Fact]
    public void Should_decide_the_same_way_every_time()
    {
        string[] Run()
        {
            var release = new Release();
            var (parts, _) = release.Line(40, 1, 2, 3, 3, 4, 9, 18);
            return release.Solve().Of(parts);
        }

        Assert.Equal(Run(), Run());
    }

    /// <summary>Counts and sums as a test writes them, and a brute-force reader of the result.</summary>
    private sealed class Release
    {
        private readonly CountSuppression suppression = new();
        private readonly List<int> values = [];
        private readonly List<bool> published = [];
        private readonly List<(int Whole, int[] Parts)> sums = [];

        public CountCell Count(int value, bool headline = false)
        {
            values.Add(value);
            published.Add(true);
            return suppression.Publish(value, headline);
        }

        public CountCell Unpublished(int value)
        {
            values.Add(value);
            published.Add(false);
            return suppression.Unpublished(value);
        }

        public void AddSum(CountCell whole, CountCell[] parts)
        {
            sums.Add((whole.Index, parts.Select(p => p.Index).ToArray()));
            suppression.AddSum(whole, parts);
        }

        /// <summary>A published total of <paramref name="parts"/>.</summary>
        public CountCell Sum(params CountCell[] parts) => Sum(parts, headline: false);

        public CountCell Sum(CountCell[] parts, bool headline)
        {
            var whole = Count(parts.Sum(p => values[p.Index]), headline);
            AddSum(whole, parts);
            return whole;
        }

        public (CountCell[] Parts, CountCell Total) Line(int total, params int[] parts)
        {
            Assert.Equal(total, parts.Sum());
            var cells = parts.Select(v => Count(v)).ToArray();
            return (cells, Sum(cells));
        }

        public Shown Solve() => new(suppression.Solve());

        /// <summary>
        /// Every value a reader could give <paramref name="cell"/>: whole numbers where "&lt;3" is 1 or 2,
        /// "*" and an unpublished non-zero count 3 or more (1 or more) up to the largest count shown,
        /// and every sum holds.
        /// </summary>
        public int[] PossibleValues(Shown shown, CountCell cell)
        {
            var max = values.Max();
            var ranges = values.Select((v, i) => !published[i] ? (v == 0 ? (0, 0) : (1, max))
                : shown[new CountCell(i)] is { IsSmall: true } ? (1, 2)
                : shown[new CountCell(i)] is { Complementary: true } ? (3, max)
                : (v, v)).ToArray();
            var assigned = new int?[values.Count];
            var possible = new SortedSet<int>();
            var hidden = Enumerable.Range(0, values.Count).Where(i => ranges[i].Item1 != ranges[i].Item2).ToArray();
            for (var i = 0; i < values.Count; i++)
            {
                if (ranges[i].Item1 == ranges[i].Item2)
                {
                    assigned[i] = ranges[i].Item1;
                }
            }

            void Search(int next)
            {
                if (sums.Any(s => s.Parts.Append(s.Whole).All(i => assigned[i] is not null) && s.Parts.Sum(i => assigned[i]!.Value) != assigned[s.Whole]))
                {
                    return;
                }

                if (next == hidden.Length)
                {
                    possible.Add(assigned[cell.Index]!.Value);
                    return;
                }

                var index = hidden[next];
                for (var v = ranges[index].Item1; v <= ranges[index].Item2; v++)
                {
                    assigned[index] = v;
                    Search(next + 1);
                }

                assigned[index] = null;
            }

            Search(0);
            return [.. possible];
        }
    }

    private sealed class Shown(SuppressionResult result)
    {
        public SuppressedCount this[CountCell cell] => result[cell];

        public string[] Of(IEnumerable<CountCell> cells) => cells.Select(c => result[c].ToString()).ToArray();
    }
}
