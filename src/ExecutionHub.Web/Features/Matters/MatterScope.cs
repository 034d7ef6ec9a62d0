using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// Who may reach a matter or a task: the matter's court (judges), its street (coordinators), the
/// holders of its tasks (grid workers, partner agents), and the members of the working group the
/// matter is assigned to, or an unclaimed task was sent to. Once a member claims a group task it
/// is theirs alone. Requests about a matter or a task implement <see cref="IMatterRequest"/> or
/// <see cref="ITaskRequest"/> and the pipeline checks this. Evidence follows its task
/// (<see cref="OfEvidenceAsync"/>), so holding one task of a matter opens no other task's files.
/// </summary>
public static class MatterScope
{
    public static async ValueTask<OrgScope> OfMatterAsync(IServiceProvider services, int matterId, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var matter = await db.Matters.Where(m => m.Id == matterId)
            .Select(m => new { m.CourtId, m.StreetId, m.WorkingGroupId, m.ApiClientId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Matter {matterId}");
        var holders = await db.Tasks.Where(t => t.MatterId == matterId)
            .Select(t => new { t.AssigneeId, t.PartnerAgencyId })
            .ToListAsync(cancellationToken);
        var members = await MembersAsync(db, matter.WorkingGroupId, cancellationToken);
        return new OrgScope(
            matter.CourtId,
            matter.StreetId,
            Assignees: holders.Where(h => h.AssigneeId is not null).Select(h => h.AssigneeId!).Concat(members).ToHashSet(),
            Agencies: holders.Where(h => h.PartnerAgencyId is not null).Select(h => h.PartnerAgencyId!.Value).ToHashSet(),
            ApiClientId: matter.ApiClientId);
    }

    public static async ValueTask<OrgScope> OfTaskAsync(IServiceProvider services, int taskId, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.Where(t => t.Id == taskId)
            .Select(t => new { t.Matter!.CourtId, t.Matter.StreetId, t.AssigneeId, t.PartnerAgencyId, t.WorkingGroupId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Task {taskId}");
        var members = task.AssigneeId is null ? await MembersAsync(db, task.WorkingGroupId, cancellationToken) : [];
        return new OrgScope(
            task.CourtId,
            task.StreetId,
            Assignees: task.AssigneeId is null ? members.ToHashSet() : new HashSet<string> { task.AssigneeId },
            Agencies: task.PartnerAgencyId is null ? new HashSet<int>() : new HashSet<int> { task.PartnerAgencyId.Value });
    }

    /// <summary>
    /// Evidence belongs to its task, not to the whole matter: the task's holder reaches it, the holders of
    /// the matter's other tasks do not, and the matter's court and street reach it as they reach the task.
    /// </summary>
    public static async ValueTask<OrgScope> OfEvidenceAsync(IServiceProvider services, int evidenceId, CancellationToken cancellationToken)
    {
        int taskId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            taskId = await db.Evidence.Where(e => e.Id == evidenceId).Select(e => (int?)e.TaskId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"Evidence {evidenceId}");
        }

        return await OfTaskAsync(services, taskId, cancellationToken);
    }

    private static async Task<List<string>> MembersAsync(AppDbContext db, int? workingGroupId, CancellationToken cancellationToken) =>
        workingGroupId is null
            ? []
            : await db.WorkingGroupMembers.Where(m => m.WorkingGroupId == workingGroupId).Select(m => m.UserId).ToListAsync(cancellationToken);
}

/// <summary>A request about one matter: reachable by its court's judges, its street's coordinators and its task holders.</summary>
public interface IMatterRequest : IScopedRequest
{
    int MatterId { get; }

    ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        MatterScope.OfMatterAsync(services, MatterId, cancellationToken);
}

/// <summary>A request about one verification task: reachable by its holder and by the matter's coordinators and judges.</summary>
public interface ITaskRequest : IScopedRequest
{
    int TaskId { get; }

    ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        MatterScope.OfTaskAsync(services, TaskId, cancellationToken);
}
