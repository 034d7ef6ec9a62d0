using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Tasks;

/// <summary>
/// Who can take a task of the matter: the street's grid workers (the target's own community's grids
/// first, marked as suggested), the court's partner agencies and the street's working groups (any
/// member claims), each with their open task count.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record GetDispatchOptions(int MatterId) : IQuery<DispatchOptions>, IMatterRequest;

public sealed record DispatchCandidate(string? UserId, int? AgencyId, string Name, string Place, int OpenTasks, bool Suggested, int? GroupId = null);

public sealed record DispatchOptions(DateTime DefaultDueAtUtc, DateTime MatterDueAtUtc, int Version, IReadOnlyList<DispatchCandidate> Candidates);

public sealed class GetDispatchOptionsHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IQueryHandler<GetDispatchOptions, DispatchOptions>
{
    private static readonly VerificationTaskStatus[] OpenStatuses = [VerificationTaskStatus.Assigned, VerificationTaskStatus.Returned, VerificationTaskStatus.Submitted];

    public async ValueTask<DispatchOptions> Handle(GetDispatchOptions query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await db.Matters.Include(m => m.Case).Include(m => m.TargetParty).SingleAsync(m => m.Id == query.MatterId, cancellationToken);
        var suggestedCommunity = matter.Case!.CommunityId ?? await SuggestFromAddressAsync(db, matter, cancellationToken);

        var workers = await db.Users
            .Where(u => !u.IsDisabled && u.GridId != null && u.Grid!.Community!.StreetId == matter.StreetId)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Grid = u.Grid!.Name,
                u.Grid.CommunityId,
                Open = db.Tasks.Count(t => t.AssigneeId == u.Id && OpenStatuses.Contains(t.Status)),
            })
            .ToListAsync(cancellationToken);
        var agencies = await db.PartnerAgencies.Where(a => a.CourtId == matter.CourtId)
            .Select(a => new { a.Id, a.Name, a.Kind, Open = db.Tasks.Count(t => t.PartnerAgencyId == a.Id && OpenStatuses.Contains(t.Status)) })
            .ToListAsync(cancellationToken);
        var groups = await db.WorkingGroups.Where(g => g.StreetId == matter.StreetId).OrderBy(g => g.Kind)
            .Select(g => new { g.Id, g.Name, g.Kind, Open = db.Tasks.Count(t => t.WorkingGroupId == g.Id && t.AssigneeId == null && OpenStatuses.Contains(t.Status)) })
            .ToListAsync(cancellationToken);

        var candidates = workers
            .Select(w => new DispatchCandidate(w.Id, null, w.DisplayName, w.Grid, w.Open, w.CommunityId == suggestedCommunity))
            .OrderByDescending(c => c.Suggested).ThenBy(c => c.OpenTasks).ThenBy(c => c.Place, StringComparer.Ordinal)
            .Concat(agencies.Select(a => new DispatchCandidate(null, a.Id, a.Name, a.Kind.ToString(), a.Open, false)))
            .Concat(groups.Select(g => new DispatchCandidate(null, null, g.Name, g.Kind.ToString(), g.Open, false, g.Id)))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var (policy, _) = await Deadlines.DeadlineRules.ForAsync(db, matter.Type, cancellationToken);
        return new DispatchOptions(Dispatching.DefaultDue(matter, now, policy), matter.DueAtUtc, matter.Version, candidates);
    }

    /// <summary>The committee of the target's first address, when the case does not name one.</summary>
    private static async Task<int?> SuggestFromAddressAsync(AppDbContext db, Matter matter, CancellationToken cancellationToken)
    {
        var communities = await db.Communities.Where(c => c.StreetId == matter.StreetId).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return CommunityMatch.Suggest(matter.TargetParty!.Addresses.FirstOrDefault(), communities.Select(c => (c.Id, c.Name)));
    }
}
