using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Findings;

/// <summary>The coordinator accepts a submitted finding, or returns it to its worker with a reason.</summary>
[Allowed(Roles.Coordinator)]
public sealed record ReviewFinding(int TaskId, int Version, bool Accept, [property: FieldLabel("Matters.ReturnFindingReason")] string? Reason = null) : ICommand<int>, ITaskRequest;

public sealed class ReviewFindingValidator : AbstractValidator<ReviewFinding>
{
    public ReviewFindingValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().When(x => !x.Accept);
        // An accepted finding keeps no reason, but a long one is refused all the same.
        RuleFor(x => x.Reason).MaximumLength(500);
    }
}

public sealed class ReviewFindingHandler(TaskChanges changes) : ICommandHandler<ReviewFinding, int>
{
    public async ValueTask<int> Handle(ReviewFinding command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.TaskId, command.Version, command.Accept ? "Timeline.FindingAccepted" : "Timeline.FindingReturned", (task, now) =>
        {
            if (command.Accept)
            {
                task.Accept(now);
                return "";
            }

            task.ReturnToAssignee(command.Reason!, now);
            return command.Reason!.Trim();
        }, cancellationToken);
}
