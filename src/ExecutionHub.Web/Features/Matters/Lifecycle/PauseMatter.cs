using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Lifecycle;

/// <summary>The coordinator stops the clock while waiting on the court; the reason is required.</summary>
[Allowed(Roles.Coordinator)]
public sealed record PauseMatter(int MatterId, int Version, [property: FieldLabel("Field.PauseReason")] string Reason) : ICommand<int>, IMatterRequest;

public sealed class PauseMatterValidator : AbstractValidator<PauseMatter>
{
    public PauseMatterValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}

public sealed class PauseMatterHandler(MatterChanges changes) : ICommandHandler<PauseMatter, int>
{
    public async ValueTask<int> Handle(PauseMatter command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterPaused", (matter, now) =>
        {
            matter.Pause(command.Reason, now);
            return command.Reason.Trim();
        }, cancellationToken);
}
