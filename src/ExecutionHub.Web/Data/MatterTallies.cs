using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ExecutionHub.Web.Data;

/// <summary>
/// The dashboard's figures for one Asia/Shanghai day, court, street, judge and matter type: matters received
/// that day, and of those first fed back that day their count, summed cycle, feedback on time and verified
/// outcomes. A matter counts in the row of its receipt day and in the row of its first feedback day.
/// </summary>
/// <remarks>
/// Rows are a log of changes, not one row per key: each save that changes what a matter counts for adds a row
/// with the difference (−1 from where it counted, +1 where it counts now), in the same transaction as the
/// matter, so concurrent saves never update the same row; readers sum the rows of a key.
/// <see cref="MatterTallies.RebuildAsync"/> replaces them by one row per key, computed from the matters.
/// </remarks>
public sealed class MatterDayTally : IMatterDimensions
{
    public long Id { get; set; }

    /// <summary>The <see cref="LocalDay"/> number the counts belong to.</summary>
    public int Day { get; set; }

    public int CourtId { get; set; }

    public int StreetId { get; set; }

    public string JudgeId { get; set; } = "";

    public MatterType Type { get; set; }

    /// <summary>Matters received this day (<see cref="Matter.ReceivedOn"/>).</summary>
    public int Received { get; set; }

    /// <summary>Matters first fed back this day (<see cref="Matter.FirstFedBackOn"/>).</summary>
    public int FedBack { get; set; }

    /// <summary>Their feedback cycles, summed (a missing cycle as 0, as the figures count it).</summary>
    public long CycleSeconds { get; set; }

    /// <summary>Of them, fed back on time.</summary>
    public int OnTime { get; set; }

    /// <summary>Of them, whereabouts verifications whose latest outcome is "found".</summary>
    public int WhereaboutsFound { get; set; }

    /// <summary>Of them, asset-clue verifications with an outcome.</summary>
    public int CluesVerified { get; set; }
}

/// <summary>
/// How many fed-back matters of a court, street, judge and type have a feedback cycle in one whole hour
/// (<see cref="CycleHour"/> = cycle seconds / 3600, rounded down): the histogram that finds in which hour the
/// median and 90th percentile of all feedback since the workstation opened lie, so only that hour's matters
/// are read to rank them. A log of changes like <see cref="MatterDayTally"/>.
/// </summary>
public sealed class MatterCycleTally : IMatterDimensions
{
    public long Id { get; set; }

    public int CycleHour { get; set; }

    public int CourtId { get; set; }

    public int StreetId { get; set; }

    public string JudgeId { get; set; } = "";

    public MatterType Type { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// Keeps <see cref="MatterDayTally"/> and <see cref="MatterCycleTally"/> equal to what the matters hold: every
/// save adds the difference it makes (<see cref="Add"/>, called by <see cref="AppDbContext"/>), a bulk writer adds
/// it for the rows it inserts (<see cref="InsertAsync"/>), and <see cref="RebuildAsync"/> recomputes them from
/// the matters (after the migration that added them, and nightly), which also folds the log into one row per key.
/// </summary>
public static class MatterTallies
{
    public const int SecondsPerCycleHour = 3600;

    /// <summary>What a matter counts for on the dashboard, read from the entity or from one side of a change.</summary>
    private sealed record Counted(int CourtId, int StreetId, string JudgeId, MatterType Type, int ReceivedOn, int? FirstFedBackOn, long? CycleSeconds, bool? OnTime, MatterOutcome? Outcome)
    {
        public static Counted Of(Matter m) =>
            new(m.CourtId, m.StreetId, m.JudgeId, m.Type, m.ReceivedOn, m.FirstFedBackOn, m.FeedbackCycleSeconds, m.FedBackOnTime, m.Outcome);

        public static Counted Of(PropertyValues v) => new(
            v.GetValue<int>(nameof(Matter.CourtId)),
            v.GetValue<int>(nameof(Matter.StreetId)),
            v.GetValue<string>(nameof(Matter.JudgeId)) ?? "",
            v.GetValue<MatterType>(nameof(Matter.Type)),
            v.GetValue<int>(nameof(Matter.ReceivedOn)),
            v.GetValue<int?>(nameof(Matter.FirstFedBackOn)),
            v.GetValue<long?>(nameof(Matter.FeedbackCycleSeconds)),
            v.GetValue<bool?>(nameof(Matter.FedBackOnTime)),
            v.GetValue<MatterOutcome?>(nameof(Matter.Outcome)));
    }

    /// <summary>A tally's key: for a cycle tally, its day holds the cycle hour.</summary>
    private readonly record struct Key(int Day, int CourtId, int StreetId, string JudgeId, MatterType Type);

    /// <summary>The differences one save or one bulk write makes (or, for a rebuild, the whole tallies), by key.</summary>
    private sealed class Differences
    {
        private readonly Dictionary<Key, MatterDayTally> days = [];
        private readonly Dictionary<Key, MatterCycleTally> cycles = [];

        public void Count(Counted m, int sign)
        {
            Day(new Key(m.ReceivedOn, m.CourtId, m.StreetId, m.JudgeId, m.Type)).Received += sign;
            if (m.FirstFedBackOn is not { } fedBackOn)
            {
                return;
            }

            var day = Day(new Key(fedBackOn, m.CourtId, m.StreetId, m.JudgeId, m.Type));
            var cycle = m.CycleSeconds ?? 0;
            day.FedBack += sign;
            day.CycleSeconds += sign * cycle;
            day.OnTime += m.OnTime == true ? sign : 0;
            day.WhereaboutsFound += m.Type == MatterType.DebtorWhereabouts && m.Outcome == MatterOutcome.Found ? sign : 0;
            day.CluesVerified += m.Type == MatterType.AssetClueVerification && m.Outcome != null ? sign : 0;
            Cycle(new Key((int)(cycle / SecondsPerCycleHour), m.CourtId, m.StreetId, m.JudgeId, m.Type)).Count += sign;
        }

        /// <summary>The rows that change something: a matter saved without a change that counts adds none.</summary>
        public List<MatterDayTally> Days => [.. days.Values.Where(d => d is not { Received: 0, FedBack: 0, CycleSeconds: 0, OnTime: 0, WhereaboutsFound: 0, CluesVerified: 0 })];

        public List<MatterCycleTally> Cycles => [.. cycles.Values.Where(c => c.Count != 0)];

        public MatterDayTally Day(Key key)
        {
            if (!days.TryGetValue(key, out var tally))
            {
                days[key] = tally = new MatterDayTally { Day = key.Day, CourtId = key.CourtId, StreetId = key.StreetId, JudgeId = key.JudgeId, Type = key.Type };
            }

            return tally;
        }

        /// <param name="key">Its <see cref="Key.Day"/> is the cycle hour.</param>
        public MatterCycleTally Cycle(Key key)
        {
            if (!cycles.TryGetValue(key, out var tally))
            {
                cycles[key] = tally = new MatterCycleTally { CycleHour = key.Day, CourtId = key.CourtId, StreetId = key.StreetId, JudgeId = key.JudgeId, Type = key.Type };
            }

            return tally;
        }
    }

    /// <summary>
    /// Adds to the context the tally rows for what its pending save changes in the matters (added, changed,
    /// deleted), so they are written in the same transaction. Returns them, for <see cref="Forget"/> when the
    /// save fails: a retried save must not count the same change twice.
    /// </summary>
    public static IReadOnlyList<object> Add(AppDbContext db)
    {
        var differences = new Differences();
        var any = false;
        foreach (var entry in db.ChangeTracker.Entries<Matter>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    differences.Count(Counted.Of(entry.CurrentValues), +1);
                    any = true;
                    break;
                case EntityState.Deleted:
                    differences.Count(Counted.Of(entry.OriginalValues), -1);
                    any = true;
                    break;
                case EntityState.Modified:
                    var before = Counted.Of(entry.OriginalValues);
                    var after = Counted.Of(entry.CurrentValues);
                    if (before != after)
                    {
                        differences.Count(before, -1);
                        differences.Count(after, +1);
                        any = true;
                    }

                    break;
            }
        }

        if (!any)
        {
            return [];
        }

        List<object> added = [.. differences.Days, .. differences.Cycles];
        db.AddRange(added);
        return added;
    }

    /// <summary>Takes back what <see cref="Add"/> added to a save that failed.</summary>
    public static void Forget(AppDbContext db, IReadOnlyList<object> added)
    {
        foreach (var row in added)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>The tally rows for matters a bulk writer inserted without a save, in the caller's transaction.</summary>
    internal static async Task InsertAsync(AppDbContext db, IEnumerable<Matter> inserted, CancellationToken cancellationToken)
    {
        var differences = new Differences();
        foreach (var matter in inserted)
        {
            differences.Count(Counted.Of(matter), +1);
        }

        await WriteAsync(db, differences.Days, differences.Cycles, cancellationToken);
    }

    /// <summary>
    /// Builds the tallies of a database that has matters and none yet (one made before the tallies existed);
    /// returns whether it did. Cheap otherwise: two lookups of one row.
    /// </summary>
    public static async Task<bool> EnsureBuiltAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.MatterDayTallies.AnyAsync(cancellationToken) || !await db.Matters.AnyAsync(cancellationToken))
        {
            return false;
        }

        await RebuildAsync(db, cancellationToken);
        return true;
    }

    /// <summary>
    /// Recomputes every tally from the matters, in one transaction, replacing the log with one row per key: safe to
    /// run any time and any number of times, and what repairs the tallies should anything have written the matters
    /// around a save.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.MatterDayTallies.ExecuteDeleteAsync(cancellationToken);
        await db.MatterCycleTallies.ExecuteDeleteAsync(cancellationToken);

        var received = await db.Matters.GroupBy(m => new { m.ReceivedOn, m.CourtId, m.StreetId, m.JudgeId, m.Type })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var fedBack = await db.Matters.Where(m => m.FirstFedBackOn != null)
            .GroupBy(m => new { Day = m.FirstFedBackOn!.Value, m.CourtId, m.StreetId, m.JudgeId, m.Type })
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                CycleSeconds = g.Sum(m => m.FeedbackCycleSeconds ?? 0),
                OnTime = g.Count(m => m.FedBackOnTime == true),
                WhereaboutsFound = g.Count(m => m.Type == MatterType.DebtorWhereabouts && m.Outcome == MatterOutcome.Found),
                CluesVerified = g.Count(m => m.Type == MatterType.AssetClueVerification && m.Outcome != null),
            })
            .ToListAsync(cancellationToken);
        var cycles = await db.Matters.Where(m => m.FirstFedBackOn != null)
            .GroupBy(m => new { Hour = (m.FeedbackCycleSeconds ?? 0) / SecondsPerCycleHour, m.CourtId, m.StreetId, m.JudgeId, m.Type })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var tallies = new Differences();
        foreach (var r in received)
        {
            tallies.Day(new Key(r.Key.ReceivedOn, r.Key.CourtId, r.Key.StreetId, r.Key.JudgeId, r.Key.Type)).Received += r.Count;
        }

        foreach (var f in fedBack)
        {
            var day = tallies.Day(new Key(f.Key.Day, f.Key.CourtId, f.Key.StreetId, f.Key.JudgeId, f.Key.Type));
            (day.FedBack, day.CycleSeconds, day.OnTime, day.WhereaboutsFound, day.CluesVerified) = (f.Count, f.CycleSeconds, f.OnTime, f.WhereaboutsFound, f.CluesVerified);
        }

        foreach (var c in cycles)
        {
            tallies.Cycle(new Key((int)c.Key.Hour, c.Key.CourtId, c.Key.StreetId, c.Key.JudgeId, c.Key.Type)).Count += c.Count;
        }

        await WriteAsync(db, tallies.Days, tallies.Cycles, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task WriteAsync(AppDbContext db, IReadOnlyList<MatterDayTally> days, IReadOnlyList<MatterCycleTally> cycles, CancellationToken cancellationToken)
    {
        await using (var insert = new BulkInsert<MatterDayTally>(db, []))
        {
            await insert.InsertAsync(days, cancellationToken);
        }

        await using (var insert = new BulkInsert<MatterCycleTally>(db, []))
        {
            await insert.InsertAsync(cycles, cancellationToken);
        }
    }
}
