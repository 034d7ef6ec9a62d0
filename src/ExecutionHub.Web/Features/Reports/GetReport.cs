using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>One report with its figures as stored: a draft's from when it was (re)generated, a published one's frozen.</summary>
[Allowed(Roles.Coordinator, Roles.StreetOfficer, Roles.Judge, Roles.Administrator)]
public sealed record GetReport(int ReportId) : IQuery<ReportView>, IReportRequest;

public sealed class GetReportHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<GetReport, ReportView>
{
    public async ValueTask<ReportView> Handle(GetReport query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReportViews.LoadAsync(db, me, query.ReportId, cancellationToken);
    }
}

internal static class ReportViews
{
    /// <summary>The report as <paramref name="me"/> may see it; a draft is "not found" to those who see published reports only.</summary>
    public static async Task<ReportView> LoadAsync(AppDbContext db, UserContext me, int reportId, CancellationToken cancellationToken)
    {
        var row = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new
            {
                Report = r,
                Street = db.Streets.Where(s => s.Id == r.StreetId).Select(s => s.Name).Single(),
                GeneratedBy = db.Users.Where(u => u.Id == r.GeneratedById).Select(u => u.DisplayName).SingleOrDefault(),
                PublishedBy = db.Users.Where(u => u.Id == r.PublishedById).Select(u => u.DisplayName).SingleOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || (row.Report.State == ReportState.Draft && !ReportAccess.MaySeeDrafts(me)))
        {
            throw new NotFoundException($"Report {reportId}");
        }

        var r = row.Report;
        return new ReportView(r.Id, r.StreetId, row.Street, r.Kind, r.PeriodStart, r.State, r.Suggestions, r.GeneratedAtUtc, row.GeneratedBy,
            r.PublishedAtUtc, row.PublishedBy, r.Version, r.State == ReportState.Draft && ReportAccess.MayEdit(me), ReportContent.Deserialize(r.Snapshot));
    }
}
