using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.ReferenceData;

/// <summary>
/// The sender's court's streets with their communities and grids, ids and codes: what an integrating system needs to
/// name a street or community when it refers a matter or imports a ledger. Only names and codes, no people.
/// </summary>
[ApiScope(ApiScopes.ReferenceRead)]
public sealed record ListStreets : IQuery<IReadOnlyList<StreetReference>>;

/// <param name="Code">The administrative division code or the administrator's code; null until one is set (use the id).</param>
public sealed record StreetReference(int Id, string? Code, string Name, IReadOnlyList<CommunityReference> Communities, IReadOnlyList<GridReference> Grids);

/// <param name="Code">The administrative division code or the administrator's code; null until one is set (use the id).</param>
public sealed record CommunityReference(int Id, string? Code, string Name);

/// <param name="Community">The id of the community the grid is in.</param>
public sealed record GridReference(int Id, string Name, int Community);

public sealed class ListStreetsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<ListStreets, IReadOnlyList<StreetReference>>
{
    public async ValueTask<IReadOnlyList<StreetReference>> Handle(ListStreets query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var courtId = me.CourtId ?? throw new RequestRefusedException("Error.NotAllowed", "no court");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking().Where(s => s.CourtId == courtId).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, s.Name })
            .ToListAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().Where(c => c.Street!.CourtId == courtId).OrderBy(c => c.Id)
            .Select(c => new { c.StreetId, Reference = new CommunityReference(c.Id, c.Code, c.Name) })
            .ToListAsync(cancellationToken);
        var grids = await db.Grids.AsNoTracking().Where(g => g.Community!.Street!.CourtId == courtId).OrderBy(g => g.Id)
            .Select(g => new { g.Community!.StreetId, Reference = new GridReference(g.Id, g.Name, g.CommunityId) })
            .ToListAsync(cancellationToken);
        return streets.Select(s => new StreetReference(
                s.Id,
                s.Code,
                s.Name,
                communities.Where(c => c.StreetId == s.Id).Select(c => c.Reference).ToList(),
                grids.Where(g => g.StreetId == s.Id).Select(g => g.Reference).ToList()))
            .ToList();
    }
}
