using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Groups;

/// <summary>
/// The "4+1+X" working groups the sender may see — a coordinator's street, a judge's court, every
/// street for an administrator — each with its members and its open matters and tasks. Matters
/// are named by reference only: the page is about who handles what, not about the parties.
/// </summary>
[Allowed(Roles.Coordinator, Roles.Judge, Roles.Administrator)]
public sealed record ListWorkingGroups : IQuery<IReadOnlyList<WorkingGroupView>>;

public sealed record GroupMemberView(string UserId, string Name, string Role);

public sealed record GroupMatterView(int MatterId, string Reference, MatterType Type, MatterStatus Status, DateTime DueAtUtc, ApplicationRoute? Route, bool AwaitsRecommendation);

public sealed record GroupTaskView(int TaskId, int MatterId, string Reference, MatterType Type, VerificationTaskStatus Status, DateTime DueAtUtc, string? HolderName);

public sealed record WorkingGroupView(
    int Id,
    WorkingGroupKind Kind,
    string Name,
    string StreetName,
    IReadOnlyList<GroupMemberView> Members,
    IReadOnlyList<GroupMatterView> OpenMatters,
    IReadOnlyList<GroupTaskView> OpenTasks);

public sealed class ListWorkingGroupsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<ListWorkingGroups, IReadOnlyList<WorkingGroupView>>
{
    public async ValueTask<IReadOnlyList<WorkingGroupView>> Handle(ListWorkingGroups query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = me.IsInRole(Roles.Administrator) ? db.WorkingGroups
            : me.IsInRole(Roles.Judge) ? db.WorkingGroups.Where(g => g.Street!.CourtId == me.CourtId)
            : db.WorkingGroups.Where(g => g.StreetId == me.StreetId);
        var rows = await groups.OrderBy(g => g.StreetId).ThenBy(g => g.Kind)
            .Select(g => new { g.Id, g.Kind, g.Name, Street = g.Street!.Name })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(g => g.Id).ToList();
        var work = await GroupWork.LoadAsync(db, ids, cancellationToken);
        return rows.Select(g => new WorkingGroupView(
            g.Id, g.Kind, g.Name, g.Street,
            work.Members[g.Id].ToList(),
            work.Matters[g.Id].ToList(),
            work.Tasks[g.Id].ToList())).ToList();
    }
}

/// <summary>Members and open work of a set of groups, read in three queries.</summary>
internal static class GroupWork
{
    public sealed record Loaded(ILookup<int, GroupMemberView> Members, ILookup<int, GroupMatterView> Matters, ILookup<int, GroupTaskView> Tasks);

    public static async Task<Loaded> LoadAsync(AppDbContext db, IReadOnlyCollection<int> groupIds, CancellationToken cancellationToken)
    {
        var members = await (
                from m in db.WorkingGroupMembers
                where groupIds.Contains(m.WorkingGroupId)
                join u in db.Users on m.UserId equals u.Id
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                orderby u.DisplayName
                select new { m.WorkingGroupId, u.Id, u.DisplayName, Role = r.Name! })
            .ToListAsync(cancellationToken);
        var matters = await db.Matters.Open()
            .Where(m => m.WorkingGroupId != null && groupIds.Contains(m.WorkingGroupId.Value))
            .OrderBy(m => m.DueAtUtc)
            .Select(m => new { GroupId = m.WorkingGroupId!.Value, m.Id, m.Reference, m.Type, m.Status, m.DueAtUtc, m.Route, Recommended = m.Recommendation != null, Decided = m.Decision != null })
            .ToListAsync(cancellationToken);
        var tasks = await db.Tasks
            .Where(t => t.WorkingGroupId != null && groupIds.Contains(t.WorkingGroupId.Value)
                && (t.Status == VerificationTaskStatus.Assigned || t.Status == VerificationTaskStatus.Returned || t.Status == VerificationTaskStatus.Submitted))
            .OrderBy(t => t.DueAtUtc)
            .Select(t => new
            {
                GroupId = t.WorkingGroupId!.Value,
                t.Id,
                t.MatterId,
                t.Matter!.Reference,
                t.Matter.Type,
                t.Status,
                t.DueAtUtc,
                Holder = db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new Loaded(
            members.ToLookup(m => m.WorkingGroupId, m => new GroupMemberView(m.Id, m.DisplayName, m.Role)),
            matters.ToLookup(m => m.GroupId, m => new GroupMatterView(m.Id, m.Reference, m.Type, m.Status, m.DueAtUtc, m.Route,
                m.Route == ApplicationRoute.HearingGroup && !m.Recommended && !m.Decided)),
            tasks.ToLookup(t => t.GroupId, t => new GroupTaskView(t.Id, t.MatterId, t.Reference, t.Type, t.Status, t.DueAtUtc, t.Holder)));
    }
}
