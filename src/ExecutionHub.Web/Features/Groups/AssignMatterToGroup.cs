using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Groups;

/// <summary>
/// The coordinator puts a matter in the hands of one of the street's working groups (or, with no
/// group, takes it out again). The group's members then see it in their "my group" queue.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record AssignMatterToGroup(int MatterId, int Version, int? WorkingGroupId) : ICommand<int>, IMatterRequest;

public sealed class AssignMatterToGroupHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AssignMatterToGroup, int>
{
    public async ValueTask<int> Handle(AssignMatterToGroup command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await MatterChanges.LoadAsync(db, command.MatterId, command.Version, cancellationToken);
        var group = command.WorkingGroupId is { } groupId ? await GroupMembership.OfStreetAsync(db, groupId, matter.StreetId, cancellationToken) : null;
        var previous = matter.WorkingGroupId is { } previousId
            ? await db.WorkingGroups.Where(g => g.Id == previousId).Select(g => g.Name).SingleAsync(cancellationToken)
            : null;
        var now = clock.GetUtcNow().UtcDateTime;
        matter.AssignToGroup(group?.Id);
        if (group is not null)
        {
            db.AddTimeline(matter, me, now, "Timeline.MatterAssignedToGroup", group.Name);
        }
        else
        {
            db.AddTimeline(matter, me, now, "Timeline.MatterRemovedFromGroup", previous ?? "");
        }

        await db.SaveChangesAsync(cancellationToken);
        return matter.Version;
    }
}
