using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Lifecycle;

/// <summary>The judge grants more time: a new, later due time and the reason.</summary>
[Allowed(Roles.Judge)]
public sealed record ExtendMatter(int MatterId, int Version, [property: FieldLabel("Field.NewDue")][PlannedDate] DateTime NewDueAtUtc, [property: FieldLabel("Matters.ExtendReason")] string Reason) : ICommand<int>, IMatterRequest;

public sealed class ExtendMatterValidator : AbstractValidator<ExtendMatter>
{
    public ExtendMatterValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
        RuleFor(x => x.NewDueAtUtc).Must(d => d.Kind == DateTimeKind.Utc);
    }
}

public sealed class ExtendMatterHandler(MatterChanges changes) : ICommandHandler<ExtendMatter, int>
{
    public async ValueTask<int> Handle(ExtendMatter command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterExtended", (matter, now) =>
        {
            var before = matter.DueAtUtc;
            matter.Extend(command.NewDueAtUtc, command.Reason, now);
            return $"{ChinaTime.Format(before)} → {ChinaTime.Format(command.NewDueAtUtc)}: {command.Reason.Trim()}";
        }, cancellationToken);
}
