using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Lifecycle;

/// <summary>The coordinator cancels an open matter, with a reason; its open tasks are waived.</summary>
[Allowed(Roles.Coordinator)]
public sealed record CancelMatter(int MatterId, int Version, [property: FieldLabel("Matters.CancelReason")] string Reason) : ICommand<int>, IMatterRequest;

public sealed class CancelMatterValidator : AbstractValidator<CancelMatter>
{
    public CancelMatterValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}

public sealed class CancelMatterHandler(MatterChanges changes) : ICommandHandler<CancelMatter, int>
{
    public async ValueTask<int> Handle(CancelMatter command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterCancelled", (matter, now) =>
        {
            matter.Cancel(command.Reason, now);
            return command.Reason.Trim();
        }, cancellationToken);
}
