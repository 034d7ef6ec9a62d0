using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Feedback;

/// <summary>The judge sends a fed-back matter back to the workstation for more work.</summary>
[Allowed(Roles.Judge)]
public sealed record ReturnMatter(int MatterId, int Version, [property: FieldLabel("Matters.ReturnReason")] string Reason) : ICommand<int>, IMatterRequest;

public sealed class ReturnMatterValidator : AbstractValidator<ReturnMatter>
{
    public ReturnMatterValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}

public sealed class ReturnMatterHandler(MatterChanges changes) : ICommandHandler<ReturnMatter, int>
{
    public async ValueTask<int> Handle(ReturnMatter command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterReturned", (matter, now) =>
        {
            matter.ReturnForMoreWork(command.Reason, now);
            return command.Reason.Trim();
        }, cancellationToken);
}
