using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Meetings;

/// <summary>A request about one joint meeting: reachable by the coordinators of its street.</summary>
public interface IMeetingRequest : IScopedRequest
{
    int MeetingId { get; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var scope = await db.Meetings.Where(m => m.Id == MeetingId).Select(m => new OrgScope(m.CourtId, m.StreetId, null, null, null, null))
            .SingleOrDefaultAsync(cancellationToken);
        return scope ?? throw new NotFoundException($"Meeting {MeetingId}");
    }
}

/// <summary>A request about a street's meetings as a whole: reachable by that street's coordinators.</summary>
public interface IStreetMeetingsRequest : IScopedRequest
{
    int StreetId { get; }

    ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new OrgScope(StreetId: StreetId));
}

/// <summary>
/// A request about one action item: reachable by its street's coordinators, the agents of the
/// agency that owns it, and the person who owns it (a judge of the court is reached only as owner).
/// </summary>
public interface IActionItemRequest : IScopedRequest
{
    int ActionItemId { get; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var item = await db.ActionItems.Where(a => a.Id == ActionItemId)
            .Select(a => new { a.StreetId, a.Meeting!.CourtId, a.OwnerAgencyId, a.OwnerUserId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Action item {ActionItemId}");
        return new OrgScope(
            item.CourtId,
            item.StreetId,
            AgencyId: item.OwnerAgencyId,
            Assignees: item.OwnerUserId is null ? new HashSet<string>() : new HashSet<string> { item.OwnerUserId });
    }
}
