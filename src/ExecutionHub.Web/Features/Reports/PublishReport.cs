using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>
/// Publishes a draft: its stored figures and suggestions become the report for good (never computed
/// again), and street officers and judges can read it. Refused without suggestions: the section is the
/// coordinator's own contribution to the report.
/// </summary>
[Allowed(Roles.Coordinator, Roles.Administrator)]
public sealed record PublishReport(int ReportId, int Version) : ICommand<int>, IReportRequest;

public sealed class PublishReportHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<PublishReport, int>
{
    public async ValueTask<int> Handle(PublishReport command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await ReportEdits.LoadAsync(db, command.ReportId, command.Version, cancellationToken);
        if (string.IsNullOrWhiteSpace(report.Suggestions))
        {
            throw new DomainRuleException("Report.Error.NoSuggestions");
        }

        report.Publish(clock.GetUtcNow().UtcDateTime, me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return report.Version;
    }
}
