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
/// A grid worker who belongs to the task's working group takes the task: it becomes theirs, leaves
/// the group's queue and goes on with the usual finding and review. Grid workers hold tasks in
/// this workstation, so only they claim; a coordinator member dispatches instead.
/// </summary>
[Allowed(Roles.GridWorker)]
public sealed record ClaimGroupTask(int TaskId, int Version) : ICommand<int>, ITaskRequest;

public sealed class ClaimGroupTaskHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ClaimGroupTask, int>
{
    public async ValueTask<int> Handle(ClaimGroupTask command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await TaskChanges.LoadAsync(db, command.TaskId, command.Version, cancellationToken);

        if (task.WorkingGroupId is not { } groupId)
        {
            throw new DomainRuleException("Rule.Task.NotGroupTask");
        }

        await GroupMembership.RequireMemberAsync(db, groupId, me.Id, cancellationToken);
        var groupName = await db.WorkingGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(cancellationToken);
        task.Claim(me.Id, me.GridId);
        db.AddTimeline(task.Matter!, me, clock.GetUtcNow().UtcDateTime, "Timeline.TaskClaimed", groupName, task.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another member took it a moment earlier.
            throw new DomainRuleException("Rule.Task.AlreadyClaimed", $"task {task.Id} was claimed concurrently");
        }

        return task.Version;
    }
}
