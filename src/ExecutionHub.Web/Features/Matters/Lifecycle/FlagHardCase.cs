using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Lifecycle;

/// <summary>
/// A judge or coordinator flags a matter "hard case" (疑难案件) so it goes on the street's next
/// joint-meeting agenda, or clears the flag; either way with a reason, on the matter's timeline.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record FlagHardCase(int MatterId, int Version, bool Flagged, [property: FieldLabel("HardCase.Reason")] string Reason) : ICommand<int>, IMatterRequest;

public sealed class FlagHardCaseValidator : AbstractValidator<FlagHardCase>
{
    public FlagHardCaseValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class FlagHardCaseHandler(MatterChanges changes) : ICommandHandler<FlagHardCase, int>
{
    public async ValueTask<int> Handle(FlagHardCase command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, command.Flagged ? "Timeline.HardCaseFlagged" : "Timeline.HardCaseCleared", (matter, now) =>
        {
            matter.SetHardCase(command.Flagged, command.Reason, now);
            return command.Reason.Trim();
        }, cancellationToken);
}
