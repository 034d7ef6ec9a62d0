using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>A window visit as lists and the visit page show it: the visitor's name and phone masked.</summary>
public sealed record WindowVisitView(
    int Id,
    DateTime VisitedAtUtc,
    VisitorKind VisitorKind,
    VisitPurpose Purpose,
    string VisitorName,
    string VisitorPhone,
    string? CaseNumber,
    int? CaseId,
    string Notes,
    string Outcome,
    string StaffName,
    int? MatterId,
    string? MatterReference,
    bool CanBecomeMatter);

internal static class WindowVisitViews
{
    /// <summary>Reads <paramref name="visits"/> (already filtered, sorted and paged) with their staff member and matter, masked.</summary>
    public static async Task<List<WindowVisitView>> LoadAsync(AppDbContext db, IQueryable<WindowVisit> visits, CancellationToken cancellationToken)
    {
        var rows = await visits
            .Select(v => new
            {
                Visit = v,
                Staff = db.Users.Where(u => u.Id == v.StaffId).Select(u => u.DisplayName).FirstOrDefault(),
                Matter = db.Matters.Where(m => m.Id == v.MatterId).Select(m => m.Reference).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WindowVisitView(
            r.Visit.Id,
            r.Visit.VisitedAtUtc,
            r.Visit.VisitorKind,
            r.Visit.Purpose,
            PersonalData.MaskName(r.Visit.VisitorName),
            PersonalData.MaskPhone(r.Visit.VisitorPhone),
            r.Visit.CaseNumber,
            r.Visit.CaseId,
            r.Visit.Notes,
            r.Visit.Outcome,
            r.Staff ?? "",
            r.Visit.MatterId,
            r.Matter,
            r.Visit.CanBecomeMatter)).ToList();
    }
}
