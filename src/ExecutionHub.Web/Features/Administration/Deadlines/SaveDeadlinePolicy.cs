using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>
/// Sets one matter type's deadlines. It applies to matters received from now on: a matter keeps
/// the due time and thresholds it was given when it arrived. A mutable class, so the policy dialog
/// binds to it and the pipeline's validator checks exactly what was typed.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed class SaveDeadlinePolicy : ICommand
{
    public const int MaxHours = 720;

    [FieldLabel("Matter.Type")]
    public MatterType MatterType { get; set; }
    public int FeedbackWindowHours { get; set; } = 72;
    public int DueSoonHours { get; set; } = 24;
    public int EscalationHours { get; set; } = 24;
    public int TaskSubDeadlineHours { get; set; } = 48;
    public ClockMode ClockMode { get; set; } = ClockMode.CalendarHours;

    public static SaveDeadlinePolicy From(DeadlinePolicyRow row) => new()
    {
        MatterType = row.MatterType,
        FeedbackWindowHours = row.FeedbackWindowHours,
        DueSoonHours = row.DueSoonHours,
        EscalationHours = row.EscalationHours,
        TaskSubDeadlineHours = row.TaskSubDeadlineHours,
        ClockMode = row.ClockMode,
    };
}

public sealed class SaveDeadlinePolicyValidator : AbstractValidator<SaveDeadlinePolicy>
{
    public SaveDeadlinePolicyValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.MatterType).IsInEnum();
        RuleFor(x => x.ClockMode).IsInEnum().WithName(_ => localizer["Admin.Deadlines.Field.ClockMode"]);
        RuleFor(x => x.FeedbackWindowHours).InclusiveBetween(1, SaveDeadlinePolicy.MaxHours)
            .WithName(_ => localizer["Admin.Deadlines.Field.FeedbackWindowHours"]);
        RuleFor(x => x.EscalationHours).InclusiveBetween(1, SaveDeadlinePolicy.MaxHours)
            .WithName(_ => localizer["Admin.Deadlines.Field.EscalationHours"]);

        // A threshold as long as the window would raise "due soon" the moment a matter arrives.
        RuleFor(x => x.DueSoonHours).Cascade(CascadeMode.Stop)
            .GreaterThanOrEqualTo(0)
            .Must((command, hours) => hours < command.FeedbackWindowHours)
            .WithMessage(_ => localizer["Admin.Deadlines.DueSoonNotShorterThanWindow"])
            .WithErrorCode("Admin.Deadlines.DueSoonNotShorterThanWindow")
            .WithName(_ => localizer["Admin.Deadlines.Field.DueSoonHours"]);

        // A task given longer than its matter would only be cut back to the matter's due time.
        RuleFor(x => x.TaskSubDeadlineHours).Cascade(CascadeMode.Stop)
            .GreaterThanOrEqualTo(1)
            .Must((command, hours) => hours <= command.FeedbackWindowHours)
            .WithMessage(_ => localizer["Admin.Deadlines.TaskLongerThanWindow"])
            .WithErrorCode("Admin.Deadlines.TaskLongerThanWindow")
            .WithName(_ => localizer["Admin.Deadlines.Field.TaskSubDeadlineHours"]);
    }
}

public sealed class SaveDeadlinePolicyHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveDeadlinePolicy>
{
    public async ValueTask<Unit> Handle(SaveDeadlinePolicy command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var policy = await db.DeadlinePolicies.SingleOrDefaultAsync(p => p.MatterType == command.MatterType, cancellationToken);
        var before = Describe(policy ?? DeadlinePolicy.Default(command.MatterType));
        if (policy is null)
        {
            policy = new DeadlinePolicy { MatterType = command.MatterType };
            db.DeadlinePolicies.Add(policy);
        }

        policy.FeedbackWindowHours = command.FeedbackWindowHours;
        policy.DueSoonHours = command.DueSoonHours;
        policy.EscalationHours = command.EscalationHours;
        policy.TaskSubDeadlineHours = command.TaskSubDeadlineHours;
        policy.ClockMode = command.ClockMode;
        var after = Describe(policy);
        if (before != after || db.Entry(policy).State == EntityState.Added)
        {
            db.AddAudit(me, clock, "Deadlines.PolicySaved", $"DeadlinePolicy {command.MatterType}", $"{before} → {after}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }

    private static string Describe(DeadlinePolicy p) =>
        $"window {p.FeedbackWindowHours}h, due soon {p.DueSoonHours}h, escalation {p.EscalationHours}h, task {p.TaskSubDeadlineHours}h, {p.ClockMode}";
}
