using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>
/// Records a milestone on a loaded case (its parties and court included): the case follows it, its
/// timeline gets a line and every applicant with a phone who has not opted out an SMS, all inside
/// the caller's transaction. A judge's <see cref="RecordMilestone"/> and a settlement reached in
/// mediation both record through here, so the two cannot drift apart.
/// </summary>
public static class MilestoneRecording
{
    /// <summary>Saves twice (the outbox keys need the milestone's id); the caller commits.</summary>
    public static async Task<CaseMilestone> RecordAsync(AppDbContext db, IOutbox outbox, ExecutionCase @case, MilestoneKind kind, DateOnly occurredOn, decimal? amount, string note, UserContext me, DateTime now, CancellationToken cancellationToken)
    {
        if (@case.Status == CaseStatus.Closed)
        {
            throw new DomainRuleException("Milestone.CaseClosed");
        }

        var milestone = new CaseMilestone
        {
            CaseId = @case.Id,
            Kind = kind,
            OccurredOn = occurredOn,
            Amount = amount,
            Note = note.Trim(),
            RecordedById = me.Id,
            RecordedAtUtc = now,
        };
        db.Milestones.Add(milestone);

        // The outbox keys name the milestone, so its id is needed first; the transaction keeps the two saves one change.
        await db.SaveChangesAsync(cancellationToken);

        MilestoneRules.ApplyTo(@case, kind, amount);
        db.Timeline.Add(new TimelineEntry
        {
            CaseId = @case.Id,
            AtUtc = now,
            ActorId = me.Id,
            ActorName = me.Name,
            Event = "Timeline.MilestoneRecorded",
            Detail = MilestoneRules.Describe(milestone, UiText.Get($"MilestoneKind.{milestone.Kind}")),
        });

        var template = await db.MessageTemplates.Where(t => t.Kind == kind).Select(t => t.Body).SingleOrDefaultAsync(cancellationToken)
            ?? MilestoneRules.DefaultTemplate(kind);
        var body = MilestoneRules.Fill(template, @case.CaseNumber, milestone.OccurredOn, milestone.Amount, @case.Court!.Name);
        foreach (var applicant in @case.Parties.Where(p => p.Role == PartyRole.Applicant && !p.OptedOutOfMessages))
        {
            if (applicant.SmsNumber() is not { } phone)
            {
                continue;
            }

            outbox.Enqueue(db, $"milestone:{milestone.Id}:party:{applicant.Id}", MessageChannels.Sms, phone, body, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return milestone;
    }
}
