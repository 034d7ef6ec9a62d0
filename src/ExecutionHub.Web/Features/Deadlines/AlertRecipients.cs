using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Deadlines;

/// <summary>
/// Who is told: due soon → the task holders and the street's coordinators; overdue → the
/// coordinators and the referring judge; escalation → the court's bureau lead and the street's
/// leader as named by the administrator (the coordinators and judge when nobody is named).
/// A task's own alerts go to its holder, and its overdue alert to the coordinators too.
/// </summary>
public static class AlertRecipients
{
    public static string TitleKey(AlertKind kind, bool forTask) => (kind, forTask) switch
    {
        (AlertKind.DueSoon, true) => "Notification.TaskDueSoon",
        (AlertKind.Overdue, true) => "Notification.TaskOverdue",
        (AlertKind.DueSoon, false) => "Notification.MatterDueSoon",
        (AlertKind.Overdue, false) => "Notification.MatterOverdue",
        _ => "Notification.MatterEscalated",
    };

    public static string InstalmentTitleKey(AlertKind kind) =>
        kind == AlertKind.DueSoon ? "Notification.InstalmentDueSoon" : "Notification.InstalmentOverdue";

    public static string ActionItemTitleKey(AlertKind kind) =>
        kind == AlertKind.DueSoon ? "Notification.ActionItemDueSoon" : "Notification.ActionItemOverdue";

    /// <summary>The owner of an action item: the person named, or every enabled agent of the agency named.</summary>
    public static async Task<IReadOnlyCollection<string>> OwnersAsync(AppDbContext db, ActionItem item, CancellationToken cancellationToken)
    {
        if (item.OwnerUserId is { } person)
        {
            return [person];
        }

        return item.OwnerAgencyId is { } agency
            ? await AgentsAsync(db, agency, cancellationToken)
            : [];
    }

    /// <param name="coordinators">The street's coordinators, looked up once per street by the caller (see <see cref="CoordinatorsAsync"/>).</param>
    public static async Task<IReadOnlyCollection<string>> ForAsync(AppDbContext db, Matter matter, VerificationTask? task, AlertKind kind, IReadOnlyCollection<string> coordinators, CancellationToken cancellationToken)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        if (task is not null)
        {
            people.UnionWith(await HoldersAsync(db, [task], cancellationToken));
            if (kind == AlertKind.Overdue)
            {
                people.UnionWith(coordinators);
            }

            return people;
        }

        switch (kind)
        {
            case AlertKind.DueSoon:
                people.UnionWith(coordinators);
                people.UnionWith(await HoldersAsync(db, matter.Tasks.Where(t => t.IsOpenForFindings), cancellationToken));
                break;
            case AlertKind.Overdue:
                people.UnionWith(coordinators);
                people.Add(matter.JudgeId);
                break;
            default:
                var named = await db.EscalationContacts
                    .Where(c => c.CourtId == matter.CourtId || c.StreetId == matter.StreetId)
                    .Select(c => c.UserId).ToListAsync(cancellationToken);
                people.UnionWith(named.Count > 0 ? named : [.. coordinators, matter.JudgeId]);
                break;
        }

        return people;
    }

    private static async Task<IReadOnlyCollection<string>> HoldersAsync(AppDbContext db, IEnumerable<VerificationTask> tasks, CancellationToken cancellationToken)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (task.AssigneeId is { } assignee)
            {
                holders.Add(assignee);
            }
            else if (task.PartnerAgencyId is { } agency)
            {
                holders.UnionWith(await AgentsAsync(db, agency, cancellationToken));
            }
            else if (task.WorkingGroupId is { } group)
            {
                // Unclaimed in a working group: any member may still take it, so every member hears.
                holders.UnionWith(await db.WorkingGroupMembers.Where(m => m.WorkingGroupId == group)
                    .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (_, u) => u.Id).ToListAsync(cancellationToken));
            }
        }

        return holders;
    }

    /// <summary>The enabled agents of a partner agency.</summary>
    public static async Task<IReadOnlyCollection<string>> AgentsAsync(AppDbContext db, int agencyId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.PartnerAgencyId == agencyId && !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>The enabled grid workers of a working group: the members who may claim its unclaimed tasks.</summary>
    public static async Task<IReadOnlyCollection<string>> ClaimantsAsync(AppDbContext db, int workingGroupId, CancellationToken cancellationToken) =>
        await db.WorkingGroupMembers.Where(m => m.WorkingGroupId == workingGroupId)
            .Join(db.Users.Where(u => !u.IsDisabled && u.GridId != null), m => m.UserId, u => u.Id, (_, u) => u.Id)
            .Where(id => db.UserRoles.Any(ur => ur.UserId == id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.GridWorker)))
            .ToListAsync(cancellationToken);

    /// <summary>The enabled coordinators of a street.</summary>
    public static async Task<IReadOnlyCollection<string>> CoordinatorsAsync(AppDbContext db, int streetId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.StreetId == streetId && !u.IsDisabled)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
}
