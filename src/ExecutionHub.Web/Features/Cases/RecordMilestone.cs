using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>
/// A judge of the case's court records a milestone (查扣, 失信, 限消, 拘留/罚款, 和解, 到账, 结案). The
/// case follows it (<see cref="MilestoneRules.ApplyTo"/>) and every applicant with a phone who
/// has not opted out gets an SMS queued in the same transaction. A mutable class, so the dialog's
/// form binds to it and the same validator checks both.
/// </summary>
[Allowed(Roles.Judge)]
[ApiScope(ApiScopes.MilestonesWrite)]
public sealed class RecordMilestone : ICommand<int>, ICaseRequest
{
    public int CaseId { get; set; }
    public MilestoneKind Kind { get; set; } = MilestoneKind.AssetSeizure;

    /// <summary>The day it happened, in Shanghai.</summary>
    public DateOnly? OccurredOn { get; set; }

    /// <summary>Yuan; required for the kinds <see cref="MilestoneRules.NeedsAmount"/> names (a fine's amount for detention or fine).</summary>
    public decimal? Amount { get; set; }

    public string Note { get; set; } = "";
}

public sealed class RecordMilestoneValidator : AbstractValidator<RecordMilestone>
{
    public RecordMilestoneValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.OccurredOn).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d <= ChinaTime.Today(clock)).WithMessage(_ => UiText.Get("Milestone.DateInFuture"));
        RuleFor(x => x.Amount).NotNull().When(x => MilestoneRules.NeedsAmount(x.Kind))
            .WithMessage(_ => UiText.Get("Milestone.AmountRequired"));
        RuleFor(x => x.Amount).GreaterThan(0m).LessThan(10_000_000_000m).When(x => x.Amount is not null);
        RuleFor(x => x.Note).MaximumLength(MilestoneRules.MaxNoteLength);
    }
}

public sealed partial class RecordMilestoneHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, Infrastructure.Messaging.IOutbox outbox)
    : ICommandHandler<RecordMilestone, int>
{
    public async ValueTask<int> Handle(RecordMilestone command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var @case = await db.Cases.Include(c => c.Parties).Include(c => c.Court)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken) ?? throw new NotFoundException($"Case {command.CaseId}");
        var milestone = await RecordAsync(db, outbox, @case, command.Kind, command.OccurredOn!.Value, command.Amount, command.Note, me, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return milestone.Id;
    }

    /// <summary>
    /// Records a milestone on a loaded case (its parties and court included), the case following
    /// it, its timeline line and the applicants' SMS, inside the caller's transaction; saves twice
    /// (the outbox keys need the milestone's id). Also used by a settlement reached in mediation.
    /// </summary>
    public static async Task<CaseMilestone> RecordAsync(AppDbContext db, Infrastructure.Messaging.IOutbox outbox, ExecutionCase @case, MilestoneKind kind, DateOnly occurredOn, decimal? amount, string note, UserContext me, DateTime now, CancellationToken cancellationToken)
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
            if (SmsNumber(applicant) is not { } phone)
            {
                continue;
            }

            outbox.Enqueue(db, $"milestone:{milestone.Id}:party:{applicant.Id}", Infrastructure.Messaging.MessageChannels.Sms, phone, body, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return milestone;
    }

    /// <summary>A mobile number if the party has one (an SMS to a landline goes nowhere), else the first phone.</summary>
    public static string? SmsNumber(CaseParty party) =>
        party.Phones.FirstOrDefault(p => MobileNumber().IsMatch(p.Trim()))?.Trim() ?? party.Phones.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))?.Trim();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileNumber();
}
