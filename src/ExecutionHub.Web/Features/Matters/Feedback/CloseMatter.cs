using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Feedback;

/// <summary>The judge closes a fed-back matter.</summary>
[Allowed(Roles.Judge)]
public sealed record CloseMatter(int MatterId, int Version) : ICommand<int>, IMatterRequest;

public sealed class CloseMatterHandler(MatterChanges changes) : ICommandHandler<CloseMatter, int>
{
    public async ValueTask<int> Handle(CloseMatter command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterClosed", (matter, now) =>
        {
            matter.Close(now);
            return "";
        }, cancellationToken);
}
