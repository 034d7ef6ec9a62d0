using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Feedback;

/// <summary>The judge confirms having read the workstation's feedback.</summary>
[Allowed(Roles.Judge)]
public sealed record AcknowledgeFeedback(int MatterId, int Version) : ICommand<int>, IMatterRequest;

public sealed class AcknowledgeFeedbackHandler(MatterChanges changes) : ICommandHandler<AcknowledgeFeedback, int>
{
    public async ValueTask<int> Handle(AcknowledgeFeedback command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.FeedbackAcknowledged", (matter, now) =>
        {
            matter.Acknowledge(now);
            return "";
        }, cancellationToken);
}
