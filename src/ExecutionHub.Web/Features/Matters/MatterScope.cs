using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// Who may reach a matter or a task: the matter's court (judges), its street (coordinators), and
/// the holders of its tasks (grid workers, partner agents). Requests about a matter or a task
/// implement <see cref="IMatterRequest"/> or <see cref="ITaskRequest"/> and the pipeline checks this.
/// </summary>
public static class MatterScope
{
    public static async ValueTask<OrgScope> OfMatterAsync(IServiceProvider services, int matterId, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var matter = await db.Matters.Where(m => m.Id == matterId)
            .Select(m => new { m.CourtId, m.StreetId, m.ApiClientId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Matter {matterId}");
        var holders = await db.Tasks.Where(t => t.MatterId == matterId)
            .Select(t => new { t.AssigneeId, t.PartnerAgencyId })
            .ToListAsync(cancellationToken);
        return new OrgScope(
            matter.CourtId,
            matter.StreetId,
            Assignees: holders.Where(h => h.AssigneeId is not null).Select(h => h.AssigneeId!).ToHashSet(),
            Agencies: holders.Where(h => h.PartnerAgencyId is not null).Select(h => h.PartnerAgencyId!.Value).ToHashSet(),
            ApiClientId: matter.ApiClientId);
    }

    public static async ValueTask<OrgScope> OfTaskAsync(IServiceProvider services, int taskId, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.Where(t => t.Id == taskId)
            .Select(t => new { t.Matter!.CourtId, t.Matter.StreetId, t.AssigneeId, t.PartnerAgencyId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Task {taskId}");
        return new OrgScope(
            task.CourtId,
            task.StreetId,
            Assignees: task.AssigneeId is null ? new HashSet<string>() : new HashSet<string> { task.AssigneeId },
            Agencies: task.PartnerAgencyId is null ? new HashSet<int>() : new HashSet<int> { task.PartnerAgencyId.Value });
    }
}

/// <summary>A request about one matter: reachable by its court's judges, its street's coordinators and its task holders.</summary>
public interface IMatterRequest : IScopedRequest
{
    int MatterId { get; }

    ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        MatterScope.OfMatterAsync(services, MatterId, cancellationToken);
}

/// <summary>A request about one verification task: reachable by its holder and by the matter's coordinators.</summary>
public interface ITaskRequest : IScopedRequest
{
    int TaskId { get; }

    ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        MatterScope.OfTaskAsync(services, TaskId, cancellationToken);
}
