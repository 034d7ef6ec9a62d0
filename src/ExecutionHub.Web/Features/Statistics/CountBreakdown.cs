using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>
/// A set of records (cases filed, matters received…) counted per street and in total, registered with
/// the release that decides what may be shown. With one street the street's count is the total.
/// </summary>
internal sealed class CountTotals
{
    public CountTotals(CountSuppression release, IReadOnlyList<int> streets, Func<int, int> countOf)
    {
        Release = release;
        Streets = streets;
        Grand = release.Publish(streets.Sum(countOf), headline: true);
        if (streets.Count == 1)
        {
            ByStreet[streets[0]] = Grand;
            return;
        }

        foreach (var street in streets)
        {
            ByStreet[street] = release.Publish(countOf(street), headline: true);
        }

        release.AddSum(Grand, ByStreet.Values);
    }

    public CountSuppression Release { get; }

    public IReadOnlyList<int> Streets { get; }

    public CountCell Grand { get; }

    public Dictionary<int, CountCell> ByStreet { get; } = [];

    public bool CourtWide => Streets.Count > 1;
}

/// <summary>
/// The records of a <see cref="CountTotals"/> by one dimension (cause, status, month…), per street and
/// in total. When the dimension splits every record into exactly one key it is a partition, and the
/// keys add up to the street and the total: the sums a reader could subtract along.
/// </summary>
internal sealed class CountBreakdown<TKey> where TKey : notnull
{
    public CountBreakdown(CountTotals totals, IReadOnlyList<TKey> keys, Func<TKey, int, int> countOf, bool partition = true)
    {
        Keys = keys;
        var release = totals.Release;
        foreach (var key in keys)
        {
            if (!totals.CourtWide)
            {
                var cell = release.Publish(countOf(key, totals.Streets[0]));
                Total[key] = cell;
                ByStreet[(key, totals.Streets[0])] = cell;
                continue;
            }

            var perStreet = totals.Streets.Select(s => ByStreet[(key, s)] = release.Publish(countOf(key, s))).ToList();
            Total[key] = release.Publish(totals.Streets.Sum(s => countOf(key, s)));
            release.AddSum(Total[key], perStreet);
        }

        if (!partition)
        {
            return;
        }

        if (totals.CourtWide)
        {
            foreach (var street in totals.Streets)
            {
                release.AddSum(totals.ByStreet[street], keys.Select(k => ByStreet[(k, street)]));
            }
        }

        release.AddSum(totals.Grand, keys.Select(k => Total[k]));
    }

    public IReadOnlyList<TKey> Keys { get; }

    public Dictionary<TKey, CountCell> Total { get; } = [];

    public Dictionary<(TKey Key, int Street), CountCell> ByStreet { get; } = [];
}

/// <summary>
/// The records of a <see cref="CountTotals"/> by a place inside one street (a community, a grid):
/// each place has one count, and a street's places add up to the street.
/// </summary>
internal sealed class PlaceBreakdown<TPlace> where TPlace : notnull
{
    public PlaceBreakdown(CountTotals totals, IReadOnlyList<TPlace> places, Func<TPlace, int> streetOf, Func<TPlace, int> countOf)
    {
        Places = places;
        foreach (var place in places)
        {
            Cell[place] = totals.Release.Publish(countOf(place));
        }

        foreach (var street in totals.Streets)
        {
            totals.Release.AddSum(totals.ByStreet[street], places.Where(p => streetOf(p) == street).Select(p => Cell[p]));
        }
    }

    public IReadOnlyList<TPlace> Places { get; }

    public Dictionary<TPlace, CountCell> Cell { get; } = [];
}
