using System.Globalization;
using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>
/// Lays out the statistics tables (columns, rows, charts) from counts their releases already decided:
/// per street and in total for a judge, the street's alone for a street office. Amounts, rates and
/// averages are shown only where the count of their group is (<see cref="StatValue.Of(SuppressedCount, decimal?)"/>).
/// </summary>
internal sealed class StatisticsLayout(StatisticsScope scope, StatisticsPlaces places, StatisticsInput now, StatisticsInput before, Func<int, int?, CommunityKey> communityOf)
{
    private readonly IReadOnlyList<int> streets = scope.StreetIds;
    private readonly Dictionary<int, string> streetNames = scope.Streets.ToDictionary(s => s.Id, s => s.Name);

    private bool CourtWide => scope.CourtWide;

    private (decimal Owed, decimal Recovered) Amounts(IEnumerable<CaseGroup> groups)
    {
        var list = groups.ToList();
        return (list.Sum(g => g.Owed), list.Sum(g => g.Recovered));
    }

    private StatText CommunityLabel(CommunityKey key)
    {
        var text = key.CommunityId is { } id ? StatText.Name(places.Communities.Single(c => c.Id == id).Name) : StatText.Of("Statistics.NoCommunity");
        return CourtWide ? text with { Prefix = StatText.Name(streetNames[key.StreetId]) } : text;
    }

    private static StatText Total => StatText.Of("Statistics.Total");

    /// <summary>One count column per street then the total (a judge's view), or just the count (a street's).</summary>
    private List<StatColumn> PerStreet(string key)
    {
        var total = new StatColumn(StatText.Of(key), StatMeasure.Count);
        return CourtWide
            ? [.. streets.Select(s => new StatColumn(StatText.Of(key) with { Prefix = StatText.Name(streetNames[s]) }, StatMeasure.Count)), total with { Header = StatText.Of(key) with { Prefix = Total } }]
            : [total];
    }

    private List<StatValue> PerStreet<TKey>(SuppressionResult shown, CountBreakdown<TKey> breakdown, TKey key) where TKey : notnull =>
        CourtWide ? [.. streets.Select(s => StatValue.Count(shown[breakdown.ByStreet[(key, s)]])), StatValue.Count(shown[breakdown.Total[key]])] : [StatValue.Count(shown[breakdown.Total[key]])];

    private List<StatValue> PerStreet(SuppressionResult shown, CountTotals totals) =>
        CourtWide ? [.. streets.Select(s => StatValue.Count(shown[totals.ByStreet[s]])), StatValue.Count(shown[totals.Grand])] : [StatValue.Count(shown[totals.Grand])];

    /// <summary>The columns <see cref="PerStreet(string)"/> adds, from <paramref name="first"/>: the chart's series.</summary>
    private List<int> SeriesFrom(int first) => CourtWide ? Enumerable.Range(first, streets.Count).ToList() : [first];

    private static decimal? Ratio(decimal part, decimal whole) => whole == 0 ? null : part / whole;

    /// <summary>A period's headline figures for one street (or the court, null): the counts as shown, the sums behind the figures derived from them.</summary>
    private sealed record PeriodFigures(SuppressedCount Cases, decimal Owed, decimal Recovered, SuppressedCount Matters, SuppressedCount FedBack, long CycleSeconds, int OnTime);

    private static PeriodFigures Figures(StatisticsInput input, int? street, SuppressedCount cases, SuppressedCount matters, SuppressedCount fedBack)
    {
        var caseGroups = input.Cases.Where(g => street is null || g.StreetId == street).ToList();
        var feedback = input.Feedback.Where(g => street is null || g.StreetId == street).ToList();
        return new PeriodFigures(cases, caseGroups.Sum(g => g.Owed), caseGroups.Sum(g => g.Recovered), matters, fedBack,
            feedback.Sum(g => g.CycleSeconds), feedback.Sum(g => g.OnTime));
    }

    public StatTable Overview(ShownCounts shown, CountTotals cases, CountTotals matters, CountTotals fedBack, CountTotals previousCases, CountTotals previousMatters, CountTotals previousFedBack)
    {
        List<int?> scopeColumns = CourtWide ? [.. streets.Select(s => (int?)s), null] : [streets[0]];
        static CountCell Of(CountTotals totals, int? street) => street is { } s ? totals.ByStreet[s] : totals.Grand;
        var figures = scopeColumns.Select(street => (
            Now: Figures(now, street, shown.Cases[Of(cases, street)], shown.Matters[Of(matters, street)], shown.FedBack[Of(fedBack, street)]),
            Before: Figures(before, street, shown.PreviousCases[Of(previousCases, street)], shown.PreviousMatters[Of(previousMatters, street)], shown.PreviousFedBack[Of(previousFedBack, street)])))
            .ToList();

        var headers = scopeColumns.SelectMany(street =>
        {
            var prefix = !CourtWide ? null : street is { } s ? StatText.Name(streetNames[s]) : Total;
            return new StatColumn[]
            {
                new(StatText.Of("Statistics.Col.ThisPeriod") with { Prefix = prefix }, StatMeasure.Count),
                new(StatText.Of("Statistics.Col.PreviousPeriod") with { Prefix = prefix }, StatMeasure.Count),
                new(StatText.Of("Statistics.Col.Change") with { Prefix = prefix }, StatMeasure.Change),
            };
        }).ToList();

        StatRow Figure(string key, StatMeasure measure, Func<PeriodFigures, StatValue> value) => new(
            StatText.Of($"Statistics.Figure.{key}"),
            figures.SelectMany(f => new[] { value(f.Now), value(f.Before), Change(value(f.Now), value(f.Before)) }).ToList(),
            Measure: measure);

        return new StatTable("overview", headers,
        [
            Figure("Cases", StatMeasure.Count, f => StatValue.Count(f.Cases)),
            Figure("AmountOwed", StatMeasure.Yuan, f => StatValue.Of(f.Cases, f.Owed)),
            Figure("AmountRecovered", StatMeasure.Yuan, f => StatValue.Of(f.Cases, f.Recovered)),
            Figure("RecoveryRate", StatMeasure.Percent, f => StatValue.Of(f.Cases, Ratio(f.Recovered, f.Owed))),
            Figure("MattersReceived", StatMeasure.Count, f => StatValue.Count(f.Matters)),
            Figure("FedBack", StatMeasure.Count, f => StatValue.Count(f.FedBack)),
            Figure("AverageCycle", StatMeasure.Hours, f => StatValue.Of(f.FedBack, Ratio(f.CycleSeconds / 3600m, f.FedBack.Value))),
            Figure("OnTimeRate", StatMeasure.Percent, f => StatValue.Of(f.FedBack, Ratio(f.OnTime, f.FedBack.Value))),
        ])
        {
            // A judge's streets side by side this period; a street's this period against the previous.
            ChartColumns = CourtWide ? streets.Select((_, i) => i * 3).ToList() : [0, 1],
        };
    }

    private static StatValue Change(StatValue current, StatValue previous) =>
        current is { Mark: StatMark.Shown, Value: { } now } && previous is { Mark: StatMark.Shown, Value: { } before } && before != 0
            ? StatValue.Shown((now - before) / before)
            : StatValue.Empty;

    public StatTable MonthTable(ShownCounts shown, CountTotals cases, CountBreakdown<DateOnly> byMonth, CountTotals matters, CountBreakdown<DateOnly> mattersByMonth)
    {
        var columns = PerStreet("Statistics.Col.Cases").Concat(PerStreet("Statistics.Col.Matters")).ToList();
        var rows = byMonth.Keys.Select(m => new StatRow(StatText.Name(m.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            [.. PerStreet(shown.Cases, byMonth, m), .. PerStreet(shown.Matters, mattersByMonth, m)])).ToList();
        rows.Add(new StatRow(Total, [.. PerStreet(shown.Cases, cases), .. PerStreet(shown.Matters, matters)], StatRowKind.Total));
        var width = CourtWide ? streets.Count + 1 : 1;
        return new StatTable("by-month", columns, rows) { Chart = StatChart.Line, ChartColumns = [width - 1, (2 * width) - 1] };
    }

    public StatTable CommunityTable(ShownCounts shown, CountTotals cases, PlaceBreakdown<CommunityKey> byCommunity, CountTotals matters, PlaceBreakdown<CommunityKey> mattersByCommunity)
    {
        List<StatColumn> columns =
        [
            new(StatText.Of("Statistics.Col.Cases"), StatMeasure.Count),
            new(StatText.Of("Statistics.Col.AmountOwed"), StatMeasure.Yuan),
            new(StatText.Of("Statistics.Col.AmountRecovered"), StatMeasure.Yuan),
            new(StatText.Of("Statistics.Col.RecoveryRate"), StatMeasure.Percent),
            new(StatText.Of("Statistics.Col.Matters"), StatMeasure.Count),
        ];
        StatRow Row(StatText label, SuppressedCount count, IEnumerable<CaseGroup> groups, SuppressedCount matterCount, StatRowKind kind = StatRowKind.Item)
        {
            var (owed, recovered) = Amounts(groups);
            return new StatRow(label, [StatValue.Count(count), StatValue.Of(count, owed), StatValue.Of(count, recovered), StatValue.Of(count, Ratio(recovered, owed)), StatValue.Count(matterCount)], kind);
        }

        var rows = new List<StatRow>();
        foreach (var street in streets)
        {
            foreach (var key in byCommunity.Places.Where(p => p.StreetId == street))
            {
                rows.Add(Row(CommunityLabel(key), shown.Cases[byCommunity.Cell[key]], now.Cases.Where(g => communityOf(g.StreetId, g.CommunityId) == key),
                    shown.Matters[mattersByCommunity.Cell[key]]));
            }

            if (CourtWide)
            {
                rows.Add(Row(StatText.Name(streetNames[street]), shown.Cases[cases.ByStreet[street]], now.Cases.Where(g => g.StreetId == street),
                    shown.Matters[matters.ByStreet[street]], StatRowKind.Subtotal));
            }
        }

        rows.Add(Row(Total, shown.Cases[cases.Grand], now.Cases, shown.Matters[matters.Grand], StatRowKind.Total));
        return new StatTable("by-community", columns, rows) { ChartColumns = [0, 4] };
    }

    public StatTable HeatTable(SuppressionResult shown, CountTotals cases, PlaceBreakdown<CommunityKey> byCommunity, CountBreakdown<string> byCause, Dictionary<(CommunityKey, string), CountCell> heat)
    {
        var columns = byCause.Keys.Select(c => new StatColumn(StatText.Name(c), StatMeasure.Count)).Append(new StatColumn(Total, StatMeasure.Count)).ToList();
        var rows = byCommunity.Places.Select(p => new StatRow(CommunityLabel(p),
            [.. byCause.Keys.Select(c => StatValue.Count(shown[heat[(p, c)]])), StatValue.Count(shown[byCommunity.Cell[p]])])).ToList();
        rows.Add(new StatRow(Total, [.. byCause.Keys.Select(c => StatValue.Count(shown[byCause.Total[c]])), StatValue.Count(shown[cases.Grand])], StatRowKind.Total));
        return new StatTable("heat", columns, rows) { Chart = StatChart.None, Heat = true };
    }

    /// <summary>Cases per street and in total, with the total's amounts: the cause and industry tables.</summary>
    public StatTable AmountTable(string id, SuppressionResult shown, CountTotals cases, CountBreakdown<string> breakdown, Func<string, StatText> label, Func<CaseGroup, string> keyOf)
    {
        var columns = PerStreet("Statistics.Col.Cases");
        columns.AddRange(
        [
            new(StatText.Of("Statistics.Col.AmountOwed"), StatMeasure.Yuan),
            new(StatText.Of("Statistics.Col.AmountRecovered"), StatMeasure.Yuan),
            new(StatText.Of("Statistics.Col.RecoveryRate"), StatMeasure.Percent),
        ]);
        List<StatValue> Money(SuppressedCount count, IEnumerable<CaseGroup> groups)
        {
            var (owed, recovered) = Amounts(groups);
            return [StatValue.Of(count, owed), StatValue.Of(count, recovered), StatValue.Of(count, Ratio(recovered, owed))];
        }

        var rows = breakdown.Keys.Select(k => new StatRow(label(k), [.. PerStreet(shown, breakdown, k), .. Money(shown[breakdown.Total[k]], now.Cases.Where(g => keyOf(g) == k))])).ToList();
        rows.Add(new StatRow(Total, [.. PerStreet(shown, cases), .. Money(shown[cases.Grand], now.Cases)], StatRowKind.Total));
        return new StatTable(id, columns, rows) { ChartColumns = SeriesFrom(0) };
    }

    public StatTable OutcomeTable(SuppressionResult shown, CountTotals cases, CountBreakdown<CaseStatus> byStatus)
    {
        var columns = PerStreet("Statistics.Col.Cases");
        columns.Add(new StatColumn(StatText.Of("Statistics.Col.Share"), StatMeasure.Percent));
        var all = shown[cases.Grand];
        StatValue Share(SuppressedCount count) => all.IsSuppressed ? StatValue.Of(all, null) : StatValue.Of(count, Ratio(count.Value, all.Value));
        var rows = byStatus.Keys.Select(o => new StatRow(StatText.Of($"CaseStatus.{o}"), [.. PerStreet(shown, byStatus, o), Share(shown[byStatus.Total[o]])])).ToList();
        rows.Add(new StatRow(Total, [.. PerStreet(shown, cases), Share(all)], StatRowKind.Total));
        return new StatTable("by-outcome", columns, rows) { ChartColumns = SeriesFrom(0) };
    }

    /// <summary>Measures overlap (a case can be seized and blacklisted), so the table has no total row.</summary>
    public StatTable MeasureTable(SuppressionResult shown, CountBreakdown<MilestoneKind> byMeasure) =>
        new("by-measure", PerStreet("Statistics.Col.Cases"),
            byMeasure.Keys.Select(k => new StatRow(StatText.Of($"MilestoneKind.{k}"), PerStreet(shown, byMeasure, k))).ToList())
        {
            ChartColumns = SeriesFrom(0),
        };

    public StatTable TypeTable(ShownCounts shown, CountTotals matters, CountBreakdown<MatterType> received, CountTotals fedBack, CountBreakdown<MatterType> fedBackByType)
    {
        var columns = PerStreet("Statistics.Col.Received").Concat(PerStreet("Statistics.Col.FedBack")).ToList();
        columns.Add(new StatColumn(StatText.Of("Statistics.Col.AverageCycle"), StatMeasure.Hours));
        columns.Add(new StatColumn(StatText.Of("Statistics.Col.OnTimeRate"), StatMeasure.Percent));
        List<StatValue> Performance(SuppressedCount count, IEnumerable<FeedbackGroup> groups)
        {
            var list = groups.ToList();
            return [StatValue.Of(count, Ratio(list.Sum(g => g.CycleSeconds) / 3600m, count.Value)), StatValue.Of(count, Ratio(list.Sum(g => g.OnTime), count.Value))];
        }

        var rows = received.Keys.Select(t => new StatRow(StatText.Of($"MatterType.{t}"),
            [.. PerStreet(shown.Matters, received, t), .. PerStreet(shown.FedBack, fedBackByType, t), .. Performance(shown.FedBack[fedBackByType.Total[t]], now.Feedback.Where(g => g.Type == t))])).ToList();
        rows.Add(new StatRow(Total, [.. PerStreet(shown.Matters, matters), .. PerStreet(shown.FedBack, fedBack), .. Performance(shown.FedBack[fedBack.Grand], now.Feedback)], StatRowKind.Total));
        return new StatTable("by-type", columns, rows) { ChartColumns = [CourtWide ? streets.Count : 0, CourtWide ? (2 * streets.Count) + 1 : 1] };
    }

    public StatTable GridTable(SuppressionResult shown, CountTotals tasks, PlaceBreakdown<GridPlace> byGrid, Dictionary<int, GridTasks> tasksOf)
    {
        List<StatColumn> columns =
        [
            new(StatText.Of("Statistics.Col.Tasks"), StatMeasure.Count),
            new(StatText.Of("Statistics.Col.AverageAnswer"), StatMeasure.Hours),
            new(StatText.Of("Statistics.Col.AnswerOnTime"), StatMeasure.Percent),
        ];
        StatRow Row(StatText label, SuppressedCount count, IEnumerable<GridTasks> groups, StatRowKind kind = StatRowKind.Item)
        {
            var list = groups.ToList();
            var submitted = list.Sum(t => t.Submitted);
            StatValue Answered(decimal? value) => count.IsSuppressed ? StatValue.Of(count, null) : StatValue.Over(submitted, value);
            return new StatRow(label,
            [
                StatValue.Count(count),
                Answered(Ratio((decimal)list.Sum(t => t.SubmitSeconds) / 3600m, submitted)),
                Answered(Ratio(list.Sum(t => t.OnTime), submitted)),
            ], kind);
        }

        IEnumerable<GridTasks> Of(IEnumerable<GridPlace> grids) => grids.Select(g => tasksOf.GetValueOrDefault(g.Id)).OfType<GridTasks>();
        var rows = new List<StatRow>();
        foreach (var street in streets)
        {
            var grids = byGrid.Places.Where(g => g.StreetId == street).ToList();
            rows.AddRange(grids.Select(g => Row(StatText.Name(g.Name, g.CommunityName), shown[byGrid.Cell[g]], Of([g]))));
            if (CourtWide)
            {
                rows.Add(Row(StatText.Name(streetNames[street]), shown[tasks.ByStreet[street]], Of(grids), StatRowKind.Subtotal));
            }
        }

        rows.Add(Row(Total, shown[tasks.Grand], Of(byGrid.Places), StatRowKind.Total));
        return new StatTable("by-grid", columns, rows) { ChartColumns = [0] };
    }
}
