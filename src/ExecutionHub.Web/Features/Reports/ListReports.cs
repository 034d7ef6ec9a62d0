using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>The reports the sender may see, newest period first, optionally of one kind or state.</summary>
[Allowed(Roles.Coordinator, Roles.StreetOfficer, Roles.Judge, Roles.Administrator)]
public sealed record ListReports([property: FieldLabel("Reports.Kind")] ReportKind? Kind = null, [property: FieldLabel("Reports.State")] ReportState? State = null) : IQuery<IReadOnlyList<ReportSummary>>;

public sealed class ListReportsValidator : AbstractValidator<ListReports>
{
    public ListReportsValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.State).IsInEnum();
    }
}

public sealed class ListReportsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<ListReports, IReadOnlyList<ReportSummary>>
{
    public async ValueTask<IReadOnlyList<ReportSummary>> Handle(ListReports query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reports = ReportAccess.Visible(db, me);
        if (query.Kind is { } kind)
        {
            reports = reports.Where(r => r.Kind == kind);
        }

        if (query.State is { } state)
        {
            reports = reports.Where(r => r.State == state);
        }

        return await reports
            .OrderByDescending(r => r.PeriodStart).ThenBy(r => r.StreetId).ThenBy(r => r.Kind)
            .Select(r => new ReportSummary(r.Id, db.Streets.Where(s => s.Id == r.StreetId).Select(s => s.Name).Single(), r.Kind, r.PeriodStart, r.State, r.GeneratedAtUtc, r.PublishedAtUtc))
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}
