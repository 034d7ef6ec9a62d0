using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Time;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>Drafts a street's report for a period from the data as it stands; one per street, kind and period.</summary>
[Allowed(Roles.Coordinator, Roles.Administrator)]
public sealed record GenerateReportDraft(int StreetId, [property: FieldLabel("Reports.Kind")] ReportKind Kind, [property: FieldLabel("Reports.Period")] DateOnly PeriodStart) : ICommand<int>, IStreetReportRequest;

public sealed class GenerateReportDraftValidator : AbstractValidator<GenerateReportDraft>
{
    public GenerateReportDraftValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.PeriodStart)
            .Must((x, start) => Report.StartsPeriod(x.Kind, start)).WithMessage(_ => UiText.Get("Report.Error.PeriodStart"))
            .Must(start => start <= ChinaTime.Today(clock)).WithMessage(_ => UiText.Get("Report.Error.PeriodFuture"));
    }
}

public sealed class GenerateReportDraftHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<GenerateReportDraft, int>
{
    public async ValueTask<int> Handle(GenerateReportDraft command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Reports.AnyAsync(r => r.StreetId == command.StreetId && r.Kind == command.Kind && r.PeriodStart == command.PeriodStart, cancellationToken))
        {
            throw new DomainRuleException("Report.Error.Exists");
        }

        var report = await ReportDrafts.DraftAsync(db, command.StreetId, command.Kind, command.PeriodStart, clock, me.Id, cancellationToken);
        try
        {
            // Asked again inside the write lock: a draft saved meanwhile refuses this one without a failed insert.
            await using var transaction = await AppDatabase.BeginWriteAsync(db, cancellationToken);
            if (await db.Reports.AnyAsync(r => r.StreetId == command.StreetId && r.Kind == command.Kind && r.PeriodStart == command.PeriodStart, cancellationToken))
            {
                throw new DomainRuleException("Report.Error.Exists");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Drafted meanwhile by someone else or the monthly job: the unique key kept it to one.
            throw new DomainRuleException("Report.Error.Exists");
        }

        return report.Id;
    }
}

internal static class ReportDrafts
{
    /// <summary>Adds a draft with the figures as they stand now; the caller saves.</summary>
    public static async Task<Report> DraftAsync(AppDbContext db, int streetId, ReportKind kind, DateOnly periodStart, TimeProvider clock, string? byId, CancellationToken cancellationToken)
    {
        var content = await ReportContent.ComputeAsync(db, streetId, kind, periodStart, clock, cancellationToken);
        var report = new Report
        {
            StreetId = streetId,
            Kind = kind,
            PeriodStart = periodStart,
            Snapshot = content.Serialize(),
            GeneratedAtUtc = content.AsOfUtc,
            GeneratedById = byId,
        };
        db.Reports.Add(report);
        return report;
    }
}
