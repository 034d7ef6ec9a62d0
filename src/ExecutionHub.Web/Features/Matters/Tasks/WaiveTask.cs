using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Tasks;

/// <summary>The coordinator stops waiting for a task (the clue is gone, the agency cannot answer), with a reason.</summary>
[Allowed(Roles.Coordinator)]
public sealed record WaiveTask(int TaskId, int Version, [property: FieldLabel("Matters.WaiveReason")] string Reason) : ICommand<int>, ITaskRequest;

public sealed class WaiveTaskValidator : AbstractValidator<WaiveTask>
{
    public WaiveTaskValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}

public sealed class WaiveTaskHandler(TaskChanges changes) : ICommandHandler<WaiveTask, int>
{
    public async ValueTask<int> Handle(WaiveTask command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.TaskId, command.Version, "Timeline.TaskWaived", (task, now) =>
        {
            task.Waive(command.Reason, now);
            return command.Reason.Trim();
        }, cancellationToken);
}
