using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>A case's milestones (newest first) and its applicants' message settings, for the case page.</summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetCaseMilestones(int CaseId) : IQuery<CaseMilestonesView>, ICaseRequest;

public sealed record MilestoneView(int Id, MilestoneKind Kind, DateOnly OccurredOn, decimal? Amount, string Note, string RecordedBy, DateTime RecordedAtUtc);

/// <summary>An applicant as the notification settings show them: masked name and phone, whether they can be reached and want to be.</summary>
public sealed record ApplicantNotificationView(int PartyId, string Name, string? Phone, bool OptedOut);

public sealed record CaseMilestonesView(IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<ApplicantNotificationView> Applicants);

public sealed class GetCaseMilestonesHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetCaseMilestones, CaseMilestonesView>
{
    public async ValueTask<CaseMilestonesView> Handle(GetCaseMilestones query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.CaseId == query.CaseId)
            .OrderByDescending(m => m.OccurredOn).ThenByDescending(m => m.Id)
            .Join(db.Users, m => m.RecordedById, u => u.Id, (m, u) => new MilestoneView(m.Id, m.Kind, m.OccurredOn, m.Amount, m.Note, u.DisplayName, m.RecordedAtUtc))
            .ToListAsync(cancellationToken);
        var applicants = (await db.CaseParties.AsNoTracking().Where(p => p.CaseId == query.CaseId && p.Role == PartyRole.Applicant).OrderBy(p => p.Id).ToListAsync(cancellationToken))
            .Select(p => new ApplicantNotificationView(
                p.Id,
                PersonalData.MaskPartyName(p.Kind, p.Name),
                p.SmsNumber() is { } phone ? PersonalData.MaskPhone(phone) : null,
                p.OptedOutOfMessages))
            .ToList();
        return new CaseMilestonesView(milestones, applicants);
    }
}
