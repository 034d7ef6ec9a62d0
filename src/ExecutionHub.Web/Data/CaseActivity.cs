using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Data;

/// <summary>
/// Keeps <see cref="ExecutionCase.LastActivityAtUtc"/> at the newest line of each case's timeline, in
/// the same transaction as the save that adds the line. Every use case that changes a matter or a case
/// writes a timeline line, so this one place sees them all and none of them has to remember the case.
/// </summary>
internal static class CaseActivity
{
    /// <summary>
    /// Before a save: a new case starts where a case without activity stands (its lines, which need
    /// its id, come in later saves); for every case the save adds a line to, the raise to run with
    /// <see cref="RaiseAsync"/> before the lines themselves are written.
    /// </summary>
    public static IReadOnlyList<(int CaseId, DateTime AtUtc)> Collect(AppDbContext db)
    {
        var newest = db.ChangeTracker.Entries<TimelineEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId != 0)
            .GroupBy(e => e.Entity.CaseId)
            .ToDictionary(g => g.Key, g => g.Max(e => e.Entity.AtUtc));
        foreach (var entry in db.ChangeTracker.Entries<ExecutionCase>().Where(e => e.State == EntityState.Added))
        {
            StartQuiet(entry.Entity);
        }

        return newest.Select(n => (n.Key, n.Value)).ToList();
    }

    /// <summary>A new case starts where a case without activity stands, unless it was given its latest activity.</summary>
    public static void StartQuiet(ExecutionCase @case)
    {
        if (@case.LastActivityAtUtc == default)
        {
            @case.LastActivityAtUtc = @case.QuietSinceUtc;
        }
    }

    /// <summary>
    /// Raises each case to its newest line, never lowers it below a line: a conditional update rather
    /// than a read-modify-write, so two saves racing on one case cannot leave the older time behind.
    /// A case no line stands behind yet (it still shows its quiet start) takes its first line's time
    /// even when that is earlier, as history recorded after the case is (demo data, old ledgers).
    /// Runs before the save writes the new lines, so "no line yet" still means it.
    /// </summary>
    public static async Task RaiseAsync(AppDbContext db, IReadOnlyList<(int CaseId, DateTime AtUtc)> raises, CancellationToken cancellationToken)
    {
        foreach (var (caseId, at) in raises)
        {
            await Raisable(db, caseId, at).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAtUtc, at), cancellationToken);
        }
    }

    public static void Raise(AppDbContext db, IReadOnlyList<(int CaseId, DateTime AtUtc)> raises)
    {
        foreach (var (caseId, at) in raises)
        {
            Raisable(db, caseId, at).ExecuteUpdate(s => s.SetProperty(c => c.LastActivityAtUtc, at));
        }
    }

    /// <summary>
    /// <see cref="RaiseAsync"/> for a writer that bypasses the save (<see cref="BulkInsert{T}"/>) and adds lines all
    /// stamped <paramref name="at"/> to many cases: a statement per few hundred cases rather than one per case. Call it
    /// before the lines are written, as the save does.
    /// </summary>
    public static async Task RaiseAllAsync(AppDbContext db, IEnumerable<int> caseIds, DateTime at, CancellationToken cancellationToken)
    {
        foreach (var chunk in caseIds.Distinct().Chunk(500))
        {
            await Raisable(db, db.Cases.Where(c => chunk.Contains(c.Id)), at).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAtUtc, at), cancellationToken);
        }
    }

    private static IQueryable<ExecutionCase> Raisable(AppDbContext db, int caseId, DateTime at) => Raisable(db, db.Cases.Where(c => c.Id == caseId), at);

    private static IQueryable<ExecutionCase> Raisable(AppDbContext db, IQueryable<ExecutionCase> cases, DateTime at) =>
        cases.Where(c => c.LastActivityAtUtc < at || !db.Timeline.Any(t => t.CaseId == c.Id && t.AtUtc >= c.LastActivityAtUtc));
}
