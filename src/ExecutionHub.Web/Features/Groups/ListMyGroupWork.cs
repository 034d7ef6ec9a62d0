using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Groups;

/// <summary>
/// The "my group" queue: for each working group the sender belongs to, its open matters (with
/// what an application asks, so a hearing-and-relief member can recommend) and its tasks nobody
/// has claimed yet. Street officers see aggregates only, so they are not offered this queue.
/// </summary>
[Allowed(Roles.Coordinator, Roles.GridWorker)]
public sealed record ListMyGroupWork : IQuery<IReadOnlyList<MyGroupWork>>;

public sealed record MyGroupMatter(
    int MatterId,
    int Version,
    string Reference,
    MatterType Type,
    MatterStatus Status,
    DateTime DueAtUtc,
    string Request,
    MatterDetails Details,
    ApplicationRoute? Route,
    bool AwaitsRecommendation);

public sealed record MyGroupTask(int TaskId, int Version, string Reference, MatterType Type, string Instructions, DateTime DueAtUtc, int MatterId = 0, bool MatterPaused = false);

public sealed record MyGroupWork(int GroupId, WorkingGroupKind Kind, string Name, IReadOnlyList<MyGroupMatter> Matters, IReadOnlyList<MyGroupTask> Tasks);

public sealed class ListMyGroupWorkHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<ListMyGroupWork, IReadOnlyList<MyGroupWork>>
{
    public async ValueTask<IReadOnlyList<MyGroupWork>> Handle(ListMyGroupWork query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.WorkingGroupMembers.Where(m => m.UserId == me.Id)
            .Join(db.WorkingGroups, m => m.WorkingGroupId, g => g.Id, (m, g) => new { g.Id, g.Kind, g.Name })
            .OrderBy(g => g.Kind)
            .ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var matters = (await db.Matters.AsNoTracking().Open()
                .Where(m => m.WorkingGroupId != null && ids.Contains(m.WorkingGroupId.Value))
                .OrderBy(m => m.DueAtUtc)
                .Take(200)
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.WorkingGroupId!.Value, m => ApplicationDecision.CanBeMadeOn(m.Type)
                ? new MyGroupMatter(m.Id, m.Version, m.Reference, m.Type, m.Status, m.DueAtUtc, m.Request, m.Details, m.Route, m.AwaitsRecommendation)
                // Only an application's own words are needed to recommend on it; other matters are worked through their tasks.
                : new MyGroupMatter(m.Id, m.Version, m.Reference, m.Type, m.Status, m.DueAtUtc, "", new MatterDetails(), m.Route, false));
        var tasks = (await db.Tasks
                .Where(t => t.WorkingGroupId != null && ids.Contains(t.WorkingGroupId.Value) && t.AssigneeId == null
                    && (t.Status == VerificationTaskStatus.Assigned || t.Status == VerificationTaskStatus.Returned)
                    && t.Matter!.Status <= MatterQueries.LastOpenStatus)
                .OrderBy(t => t.DueAtUtc)
                .Take(200)
                .Select(t => new { GroupId = t.WorkingGroupId!.Value, t.Id, t.Version, t.MatterId, t.Matter!.Reference, t.Matter.Type, t.Instructions, t.DueAtUtc, Paused = t.Matter.PausedAtUtc != null })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.GroupId, t => new MyGroupTask(t.Id, t.Version, t.Reference, t.Type, t.Instructions, t.DueAtUtc, t.MatterId, t.Paused));
        return groups.Select(g => new MyGroupWork(g.Id, g.Kind, g.Name, matters[g.Id].ToList(), tasks[g.Id].ToList())).ToList();
    }
}
