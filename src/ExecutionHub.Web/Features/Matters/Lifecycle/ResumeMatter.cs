using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Lifecycle;

/// <summary>The coordinator restarts the clock; the due time moves on by the paused span.</summary>
[Allowed(Roles.Coordinator)]
public sealed record ResumeMatter(int MatterId, int Version) : ICommand<int>, IMatterRequest;

public sealed class ResumeMatterHandler(MatterChanges changes) : ICommandHandler<ResumeMatter, int>
{
    public async ValueTask<int> Handle(ResumeMatter command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterResumed", (matter, now) =>
        {
            var paused = matter.Resume(now);
            return paused.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + "h";
        }, cancellationToken);
}
