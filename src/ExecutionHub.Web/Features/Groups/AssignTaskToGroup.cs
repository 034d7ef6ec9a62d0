using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Groups;

/// <summary>
/// The coordinator sends an open verification task to one of the street's working groups instead
/// of (or before) a person; any member may then claim it. The previous holder loses it.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record AssignTaskToGroup(int TaskId, int Version, int WorkingGroupId) : ICommand<int>, ITaskRequest;

public sealed class AssignTaskToGroupHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AssignTaskToGroup, int>
{
    public async ValueTask<int> Handle(AssignTaskToGroup command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await TaskChanges.LoadAsync(db, command.TaskId, command.Version, cancellationToken);

        var group = await GroupMembership.OfStreetAsync(db, command.WorkingGroupId, task.Matter!.StreetId, cancellationToken);
        task.AssignToGroup(group.Id, me.Id);
        task.ScheduleAlerts(task.Matter);
        db.AddTimeline(task.Matter, me, clock.GetUtcNow().UtcDateTime, "Timeline.TaskAssignedToGroup", group.Name, task.Id);
        await db.SaveChangesAsync(cancellationToken);
        return task.Version;
    }
}
