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
    [FieldLabel("Milestone.Kind")]
    public MilestoneKind Kind { get; set; } = MilestoneKind.AssetSeizure;

    /// <summary>The day it happened, in Shanghai.</summary>
    public DateOnly? OccurredOn { get; set; }

    /// <summary>Yuan; required for the kinds <see cref="MilestoneRules.NeedsAmount"/> names (a fine's amount for detention or fine).</summary>
    [FieldLabel("Milestone.Amount")]
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

public sealed class RecordMilestoneHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, Infrastructure.Messaging.IOutbox outbox)
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
        var milestone = await MilestoneRecording.RecordAsync(db, outbox, @case, command.Kind, command.OccurredOn!.Value, command.Amount, command.Note, me, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return milestone.Id;
    }
}
