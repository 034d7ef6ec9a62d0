using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>The coordinator takes a judge's referral into the workstation (received → registered).</summary>
[Allowed(Roles.Coordinator)]
public sealed record AcceptReferral(int MatterId, int Version) : ICommand<int>, IMatterRequest;

public sealed class AcceptReferralHandler(MatterChanges changes) : ICommandHandler<AcceptReferral, int>
{
    public async ValueTask<int> Handle(AcceptReferral command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.MatterId, command.Version, "Timeline.MatterRegistered", (matter, now) =>
        {
            matter.Register(now);
            return "";
        }, cancellationToken);
}
