using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>What was read for one period: aggregates only. The previous period's holds per-street totals only.</summary>
internal sealed record StatisticsInput(
    IReadOnlyList<CaseGroup> Cases,
    IReadOnlyList<MeasureGroup> Measures,
    IReadOnlyList<MatterGroup> Matters,
    IReadOnlyList<FeedbackGroup> Feedback,
    IReadOnlyList<GridTasks> Tasks);

/// <summary>A community of a street, or the street's cases whose community is not known (null).</summary>
internal readonly record struct CommunityKey(int StreetId, int? CommunityId);

/// <summary>What each release decided may be shown: this period's four record sets and the previous period's totals.</summary>
internal sealed record ShownCounts(
    SuppressionResult Cases,
    SuppressionResult Matters,
    SuppressionResult FedBack,
    SuppressionResult Tasks,
    SuppressionResult PreviousCases,
    SuppressionResult PreviousMatters,
    SuppressionResult PreviousFedBack);

/// <summary>
/// Builds the statistics tables from the aggregates. Every count is registered with the release of
/// its record set (cases filed, matters received, matters fed back, grid tasks; and the previous
/// period's), with the sums that tie the tables together, so one <see cref="CountSuppression"/> per
/// set decides what all its tables, charts and exports may show; <see cref="StatisticsLayout"/> then
/// lays the tables out from what was decided.
/// </summary>
internal sealed class StatisticsTables
{
    private readonly StatisticsScope scope;
    private readonly StatisticsPlaces places;
    private readonly PeriodDays period;
    private readonly StatisticsInput now;
    private readonly StatisticsInput before;
    private readonly IReadOnlyList<int> streets;
    private readonly HashSet<(int Street, int Community)> knownCommunities;

    public StatisticsTables(StatisticsScope scope, StatisticsPlaces places, PeriodDays period, StatisticsInput now, StatisticsInput before)
    {
        this.scope = scope;
        this.places = places;
        this.period = period;
        this.now = now;
        this.before = before;
        streets = scope.StreetIds;
        knownCommunities = places.Communities.Select(c => (c.StreetId, c.Id)).ToHashSet();
    }

    public IReadOnlyList<StatTable> Build()
    {
        var communityKeys = CommunityKeys();

        // Cases filed in the period: one release for every table that counts them.
        var caseRelease = new CountSuppression();
        var cases = new CountTotals(caseRelease, streets, s => now.Cases.Where(g => g.StreetId == s).Sum(g => g.Count));
        var byCommunity = new PlaceBreakdown<CommunityKey>(cases, communityKeys, k => k.StreetId, k => CaseCount(g => Community(g.StreetId, g.CommunityId) == k));
        var causes = Ranked(now.Cases.Select(g => (g.Cause, g.Count)));
        var byCause = new CountBreakdown<string>(cases, causes, (c, s) => CaseCount(g => g.Cause == c && g.StreetId == s));
        var industries = Ranked(now.Cases.Select(g => (g.Industry, g.Count)));
        var byIndustry = new CountBreakdown<string>(cases, industries, (i, s) => CaseCount(g => g.Industry == i && g.StreetId == s));
        TieCausesToIndustries(caseRelease, byCause, byIndustry);
        var heat = Heat(caseRelease, byCommunity, byCause, causes);
        var byStatus = new CountBreakdown<CaseStatus>(cases, Enum.GetValues<CaseStatus>(), (o, s) => CaseCount(g => g.Status == o && g.StreetId == s));
        var months = period.IsEmpty ? [] : period.MonthStarts();
        var byMonth = new CountBreakdown<DateOnly>(cases, months, (m, s) => CaseCount(g => g.Year == m.Year && g.Month == m.Month && g.StreetId == s));
        var byMeasure = new CountBreakdown<MilestoneKind>(cases, StatisticsData.MeasureKinds,
            (k, s) => now.Measures.Where(m => m.Kind == k && m.StreetId == s).Sum(m => m.Cases), partition: false);

        // Matters received in the period.
        var matterRelease = new CountSuppression();
        var matters = new CountTotals(matterRelease, streets, s => now.Matters.Where(g => g.StreetId == s).Sum(g => g.Count));
        var mattersByCommunity = new PlaceBreakdown<CommunityKey>(matters, communityKeys, k => k.StreetId,
            k => now.Matters.Where(g => Community(g.StreetId, g.CommunityId) == k).Sum(g => g.Count));
        var mattersByType = new CountBreakdown<MatterType>(matters, Enum.GetValues<MatterType>(), (t, s) => now.Matters.Where(g => g.Type == t && g.StreetId == s).Sum(g => g.Count));
        var mattersByMonth = new CountBreakdown<DateOnly>(matters, months, (m, s) => now.Matters.Where(g => MonthOf(g.ReceivedOn) == m && g.StreetId == s).Sum(g => g.Count));

        // Matters first fed back in the period.
        var feedbackRelease = new CountSuppression();
        var fedBack = new CountTotals(feedbackRelease, streets, s => now.Feedback.Where(g => g.StreetId == s).Sum(g => g.Count));
        var fedBackByType = new CountBreakdown<MatterType>(fedBack, Enum.GetValues<MatterType>(), (t, s) => now.Feedback.Where(g => g.Type == t && g.StreetId == s).Sum(g => g.Count));

        // Verification tasks the street's grids were given in the period.
        var taskRelease = new CountSuppression();
        var gridStreet = places.Grids.ToDictionary(g => g.Id, g => g.StreetId);
        var tasksOf = now.Tasks.Where(t => gridStreet.ContainsKey(t.GridId)).ToDictionary(t => t.GridId);
        var tasks = new CountTotals(taskRelease, streets, s => tasksOf.Values.Where(t => gridStreet[t.GridId] == s).Sum(t => t.Count));
        var byGrid = new PlaceBreakdown<GridPlace>(tasks, places.Grids, g => g.StreetId, g => tasksOf.GetValueOrDefault(g.Id)?.Count ?? 0);

        // The previous period: its totals only.
        var previousCases = new CountTotals(new CountSuppression(), streets, s => before.Cases.Where(g => g.StreetId == s).Sum(g => g.Count));
        var previousMatters = new CountTotals(new CountSuppression(), streets, s => before.Matters.Where(g => g.StreetId == s).Sum(g => g.Count));
        var previousFedBack = new CountTotals(new CountSuppression(), streets, s => before.Feedback.Where(g => g.StreetId == s).Sum(g => g.Count));

        var shown = new ShownCounts(caseRelease.Solve(), matterRelease.Solve(), feedbackRelease.Solve(), taskRelease.Solve(),
            previousCases.Release.Solve(), previousMatters.Release.Solve(), previousFedBack.Release.Solve());

        var layout = new StatisticsLayout(scope, places, now, before, Community);
        return
        [
            layout.Overview(shown, cases, matters, fedBack, previousCases, previousMatters, previousFedBack),
            layout.MonthTable(shown, cases, byMonth, matters, mattersByMonth),
            layout.CommunityTable(shown, cases, byCommunity, matters, mattersByCommunity),
            layout.HeatTable(shown.Cases, cases, byCommunity, byCause, heat),
            layout.AmountTable("by-cause", shown.Cases, cases, byCause, c => StatText.Name(c), g => g.Cause),
            layout.AmountTable("by-industry", shown.Cases, cases, byIndustry, i => StatText.Name(i), g => g.Industry),
            layout.OutcomeTable(shown.Cases, cases, byStatus),
            layout.MeasureTable(shown.Cases, byMeasure),
            layout.TypeTable(shown, matters, mattersByType, fedBack, fedBackByType),
            layout.GridTable(shown.Tasks, tasks, byGrid, tasksOf),
        ];
    }

    private int CaseCount(Func<CaseGroup, bool> where) => now.Cases.Where(where).Sum(g => g.Count);

    /// <summary>A community the case's street does not hold (moved, or never set) counts as the street's "community unknown".</summary>
    private CommunityKey Community(int streetId, int? communityId) =>
        communityId is { } id && knownCommunities.Contains((streetId, id)) ? new(streetId, id) : new(streetId, null);

    private List<CommunityKey> CommunityKeys()
    {
        var unknown = now.Cases.Select(g => Community(g.StreetId, g.CommunityId)).Concat(now.Matters.Select(g => Community(g.StreetId, g.CommunityId)))
            .Where(k => k.CommunityId is null).ToHashSet();
        return streets.SelectMany(s => places.Communities.Where(c => c.StreetId == s).Select(c => new CommunityKey(s, c.Id))
            .Concat(unknown.Contains(new CommunityKey(s, null)) ? [new CommunityKey(s, null)] : [])).ToList();
    }

    private static List<string> Ranked(IEnumerable<(string Name, int Count)> counts) =>
        counts.GroupBy(c => c.Name).OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();

    private static DateOnly MonthOf(int dayNumber) => StatisticsPeriod.MonthOf(LocalDay.Date(dayNumber));

    /// <summary>
    /// A cause's cases fall in one industry or a few, and a reader knows which: the cases of each
    /// (street, cause, industry) are unpublished counts that tie the cause table to the industry table.
    /// </summary>
    private void TieCausesToIndustries(CountSuppression release, CountBreakdown<string> byCause, CountBreakdown<string> byIndustry)
    {
        var links = now.Cases.GroupBy(g => (g.StreetId, g.Cause, g.Industry))
            .Select(g => (g.Key.StreetId, g.Key.Cause, g.Key.Industry, Cell: release.Unpublished(g.Sum(x => x.Count))))
            .ToList();
        foreach (var group in links.GroupBy(l => (l.StreetId, l.Cause)))
        {
            release.AddSum(byCause.ByStreet[(group.Key.Cause, group.Key.StreetId)], group.Select(l => l.Cell));
        }

        foreach (var group in links.GroupBy(l => (l.StreetId, l.Industry)))
        {
            release.AddSum(byIndustry.ByStreet[(group.Key.Industry, group.Key.StreetId)], group.Select(l => l.Cell));
        }
    }

    /// <summary>Community × cause: each row adds up to its community, each column within a street to the street's cause count.</summary>
    private Dictionary<(CommunityKey, string), CountCell> Heat(CountSuppression release, PlaceBreakdown<CommunityKey> byCommunity, CountBreakdown<string> byCause, IReadOnlyList<string> causes)
    {
        var cells = new Dictionary<(CommunityKey, string), CountCell>();
        foreach (var community in byCommunity.Places)
        {
            foreach (var cause in causes)
            {
                cells[(community, cause)] = release.Publish(CaseCount(g => g.Cause == cause && Community(g.StreetId, g.CommunityId) == community));
            }

            release.AddSum(byCommunity.Cell[community], causes.Select(c => cells[(community, c)]));
        }

        foreach (var street in streets)
        {
            foreach (var cause in causes)
            {
                release.AddSum(byCause.ByStreet[(cause, street)], byCommunity.Places.Where(p => p.StreetId == street).Select(p => cells[(p, cause)]));
            }
        }

        return cells;
    }
}
