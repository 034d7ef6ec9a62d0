using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>A request about one report: reachable in its street (coordinators, street officers) and its street's court (judges).</summary>
public interface IReportRequest : IScopedRequest
{
    int ReportId { get; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var target = await db.Reports.Where(r => r.Id == ReportId)
            .Join(db.Streets, r => r.StreetId, s => s.Id, (r, s) => new { s.Id, s.CourtId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Report {ReportId}");
        return new OrgScope(CourtId: target.CourtId, StreetId: target.Id);
    }
}

/// <summary>A request about a street's reports as a whole (drafting a new one).</summary>
public interface IStreetReportRequest : IScopedRequest
{
    int StreetId { get; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var courtId = await db.Streets.Where(s => s.Id == StreetId).Select(s => (int?)s.CourtId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Street {StreetId}");
        return new OrgScope(CourtId: courtId, StreetId: StreetId);
    }
}

/// <summary>
/// Who sees which report. Drafts are the coordinators' working copies (figures not yet checked,
/// suggestions not yet written): only coordinators and administrators see them. Street officers and
/// judges see what was published, for their street or their court's streets.
/// </summary>
public static class ReportAccess
{
    public static bool MaySeeDrafts(UserContext me) => me.IsInRole(Roles.Coordinator) || me.IsInRole(Roles.Administrator);

    public static bool MayEdit(UserContext me) => MaySeeDrafts(me);

    /// <summary>The reports the user may list: their street's, their court's streets', or all (administrator).</summary>
    public static IQueryable<Report> Visible(AppDbContext db, UserContext me)
    {
        var reports = db.Reports.AsNoTracking();
        if (!MaySeeDrafts(me))
        {
            reports = reports.Where(r => r.State == ReportState.Published);
        }

        if (me.IsInRole(Roles.Administrator))
        {
            return reports;
        }

        if (me.IsInRole(Roles.Judge))
        {
            return reports.Where(r => db.Streets.Any(s => s.Id == r.StreetId && s.CourtId == me.CourtId));
        }

        return reports.Where(r => r.StreetId == me.StreetId);
    }
}
