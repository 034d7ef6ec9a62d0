using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// The matter list as <see cref="ListMatters"/> describes it, read for the sender's scope: the list
/// page reads one page of it, the export (<see cref="ExportMatters"/>) its first rows, so a file
/// holds exactly what the list shows.
/// </summary>
public static class MatterList
{
    /// <summary>
    /// The rows <paramref name="query"/>'s filter and sort find, <paramref name="take"/> of them from
    /// <paramref name="skip"/> on, and how many it finds in all.
    /// </summary>
    public static async Task<MatterListPage> ReadAsync(AppDbContext db, UserContext me, DateTime now, ListMatters query, int skip, int take, CancellationToken cancellationToken)
    {
        // A judge's own matters are found by judge alone (they were referred within the judge's
        // court), so SQLite walks the judge's index instead of the whole court's.
        var matters = me.IsInRole(Roles.Judge)
            ? query.MineOnly ? db.Matters.Where(m => m.JudgeId == me.Id) : db.Matters.Where(m => m.CourtId == me.CourtId)
            : db.Matters.Where(m => m.StreetId == me.StreetId);
        matters = Filter(db, matters, query, me, now);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var found = await SearchAsync(db, query.Search.Trim(), now, cancellationToken);
            matters = matters.Where(m => found.Contains(m.Id));
        }

        var total = await matters.CountAsync(cancellationToken);

        // Page through the matters table alone (an index walk), then join the page's rows:
        // a deep page then skips index entries instead of joined rows.
        var ids = await Sort(matters, query.Sort)
            .Skip(skip)
            .Take(take)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        var page = await db.Matters.Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                m.Reference,
                m.Case!.CaseNumber,
                m.Type,
                m.Status,
                m.TargetParty!.Kind,
                m.TargetParty.Name,
                Street = db.Streets.Where(s => s.Id == m.StreetId).Select(s => s.Name).First(),
                m.ReceivedAtUtc,
                m.DueAtUtc,
                Paused = m.PausedAtUtc != null,
                OpenTasks = m.Tasks.Count(t => t.Status == VerificationTaskStatus.Assigned || t.Status == VerificationTaskStatus.Returned || t.Status == VerificationTaskStatus.Submitted),
                WindowVisitId = db.WindowVisits.Where(v => v.MatterId == m.Id).Select(v => (int?)v.Id).FirstOrDefault(),
                Group = db.WorkingGroups.Where(g => g.Id == m.WorkingGroupId).Select(g => g.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = page.OrderBy(r => position[r.Id]).Select(r => new MatterRow(
            r.Id, r.Reference, r.CaseNumber, r.Type, r.Status,
            PersonalData.MaskPartyName(r.Kind, r.Name),
            r.Street, r.ReceivedAtUtc, r.DueAtUtc, r.Paused, r.OpenTasks, r.WindowVisitId, r.Group)).ToList();
        return new MatterListPage(rows, total);
    }

    private static IQueryable<Matter> Filter(AppDbContext db, IQueryable<Matter> matters, ListMatters query, UserContext me, DateTime now)
    {
        if (query.Statuses.Count > 0)
        {
            matters = matters.Where(m => query.Statuses.Contains(m.Status));
        }

        if (query.Type is { } type)
        {
            matters = matters.Where(m => m.Type == type);
        }

        if (query.StreetId is { } streetId)
        {
            matters = matters.Where(m => m.StreetId == streetId);
        }

        if (!string.IsNullOrEmpty(query.AssigneeId))
        {
            matters = matters.Where(m => db.Tasks.Where(t => t.AssigneeId == query.AssigneeId).Select(t => t.MatterId).Contains(m.Id));
        }

        if (query.WorkingGroupId is { } groupId)
        {
            matters = matters.Where(m => m.WorkingGroupId == groupId);
        }

        if (query.MineOnly && !me.IsInRole(Roles.Judge))
        {
            matters = matters.Where(m => m.CreatedById == me.Id);
        }

        if (query.OverdueOnly || query.DueWithinDay)
        {
            matters = matters.Open().Where(m => m.PausedAtUtc == null);
            matters = query.OverdueOnly
                ? matters.Where(m => m.DueAtUtc < now)
                : matters.Where(m => m.DueAtUtc >= now && m.DueAtUtc < now.AddHours(24));
        }

        return matters;
    }

    /// <summary>
    /// The ids a search names, found first on their own index so the planner cannot prefer a
    /// scan: a case number finds that case's matters; a number finds the matter with that serial
    /// this year or last (47 → ZX-2026-00047); anything else is a reference prefix compared as a
    /// range (ZX-2026-001 → ZX-2026-00100 … 00199). At most 500 matches are listed.
    /// </summary>
    private static async Task<List<int>> SearchAsync(AppDbContext db, string text, DateTime now, CancellationToken cancellationToken)
    {
        IQueryable<Matter> found;
        if (Domain.CaseNumber.TryParse(text, out var caseNumber))
        {
            var normalised = caseNumber.ToString();
            var caseIds = await db.Cases.Where(c => c.CaseNumber == normalised).Select(c => c.Id).ToListAsync(cancellationToken);
            found = db.Matters.Where(m => caseIds.Contains(m.CaseId));
        }
        else if (text.Length <= 5 && text.All(char.IsAsciiDigit))
        {
            var year = ChinaTime.ToLocal(now).Year;
            var serial = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            string[] references = [$"ZX-{year}-{serial:00000}", $"ZX-{year - 1}-{serial:00000}"];
            found = db.Matters.Where(m => references.Contains(m.Reference));
        }
        else
        {
            var upper = text.ToUpperInvariant();
            var end = upper + '\uffff';
            found = db.Matters.Where(m => string.Compare(m.Reference, upper) >= 0 && string.Compare(m.Reference, end) < 0);
        }

        return await found.Select(m => m.Id).Take(500).ToListAsync(cancellationToken);
    }

    private static IQueryable<Matter> Sort(IQueryable<Matter> matters, MatterSort sort) => sort switch
    {
        MatterSort.ReceivedAsc => matters.OrderBy(m => m.ReceivedAtUtc).ThenBy(m => m.Id),
        MatterSort.DueAsc => matters.OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id),
        MatterSort.DueDesc => matters.OrderByDescending(m => m.DueAtUtc).ThenByDescending(m => m.Id),
        MatterSort.Reference => matters.OrderBy(m => m.Reference),
        _ => matters.OrderByDescending(m => m.ReceivedAtUtc).ThenByDescending(m => m.Id),
    };
}
