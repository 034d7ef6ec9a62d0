using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Groups;

/// <summary>Who belongs to which working group, and the group a street's applications go to.</summary>
internal static class GroupMembership
{
    public static Task<bool> IsMemberAsync(AppDbContext db, int workingGroupId, string userId, CancellationToken cancellationToken) =>
        db.WorkingGroupMembers.AnyAsync(m => m.WorkingGroupId == workingGroupId && m.UserId == userId, cancellationToken);

    /// <summary>Refuses the sender unless they are a member of the group: the pipeline's scope check lets the whole street's coordinators through.</summary>
    public static async Task RequireMemberAsync(AppDbContext db, int workingGroupId, string userId, CancellationToken cancellationToken)
    {
        if (!await IsMemberAsync(db, workingGroupId, userId, cancellationToken))
        {
            throw new RequestRefusedException("Rule.Group.NotMember", $"working group {workingGroupId}");
        }
    }

    /// <summary>The group of <paramref name="streetId"/> by id, refused when it belongs to another street.</summary>
    public static async Task<WorkingGroup> OfStreetAsync(AppDbContext db, int workingGroupId, int streetId, CancellationToken cancellationToken) =>
        await db.WorkingGroups.SingleOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken) is { } group && group.StreetId == streetId
            ? group
            : throw new DomainRuleException("Rule.Group.NotOfStreet");

    /// <summary>The street's hearing-and-relief group (听证救助组), where relief and resume-execution applications may go.</summary>
    public static Task<WorkingGroup?> HearingGroupAsync(AppDbContext db, int streetId, CancellationToken cancellationToken) =>
        db.WorkingGroups.SingleOrDefaultAsync(g => g.StreetId == streetId && g.Kind == WorkingGroupKind.HearingAndRelief, cancellationToken);
}
