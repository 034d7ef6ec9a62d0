using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>Takes a draft's figures again from the data as it stands now; a published report refuses.</summary>
[Allowed(Roles.Coordinator, Roles.Administrator)]
public sealed record RegenerateReportDraft(int ReportId, int Version) : ICommand<int>, IReportRequest;

public sealed class RegenerateReportDraftHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegenerateReportDraft, int>
{
    public async ValueTask<int> Handle(RegenerateReportDraft command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await ReportEdits.LoadAsync(db, command.ReportId, command.Version, cancellationToken);
        var content = await ReportContent.ComputeAsync(db, report.StreetId, report.Kind, report.PeriodStart, clock, cancellationToken);
        report.Regenerate(content.Serialize(), content.AsOfUtc, me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return report.Version;
    }
}

internal static class ReportEdits
{
    /// <summary>The report to change, as the sender last saw it: an older version means someone else changed it meanwhile.</summary>
    public static async Task<Report> LoadAsync(AppDbContext db, int reportId, int version, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken) ?? throw new NotFoundException($"Report {reportId}");
        if (report.IsPublished)
        {
            throw new DomainRuleException("Report.Error.Published");
        }

        if (report.Version != version)
        {
            throw new DbUpdateConcurrencyException($"Report {reportId} is at version {report.Version}, not {version}.");
        }

        return report;
    }
}
