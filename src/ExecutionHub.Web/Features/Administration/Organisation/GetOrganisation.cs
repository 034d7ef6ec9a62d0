using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Organisation;

/// <summary>
/// The organisation as the sender may manage it: an administrator sees every court; a coordinator
/// sees their own street only (and, read-only, the partner agencies of its court).
/// </summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record GetOrganisation : IQuery<OrganisationView>;

/// <param name="ManagesCourts">Whether the sender may create courts, streets and partner agencies.</param>
public sealed record OrganisationView(bool ManagesCourts, IReadOnlyList<CourtNode> Courts);

public sealed record CourtNode(int Id, string Name, string CaseCode, IReadOnlyList<StreetNode> Streets, IReadOnlyList<AgencyNode> Agencies);

/// <param name="Staff">Who may be put in the street's working groups.</param>
/// <param name="Code">The code other systems name the street by (<see cref="OrgCodes"/>); null until one is set.</param>
public sealed record StreetNode(int Id, string Name, string? Code, IReadOnlyList<CommunityNode> Communities, IReadOnlyList<WorkingGroupNode> WorkingGroups, IReadOnlyList<Person> Staff);

/// <param name="Code">The code other systems name the community by (<see cref="OrgCodes"/>); null until one is set.</param>
public sealed record CommunityNode(int Id, string Name, string? Code, int CaseCount, IReadOnlyList<GridNode> Grids);

public sealed record GridNode(int Id, string Name, IReadOnlyList<Person> Workers);

public sealed record WorkingGroupNode(int Id, WorkingGroupKind Kind, string Name, IReadOnlyList<Person> Members);

public sealed record AgencyNode(int Id, string Name, PartnerAgencyKind Kind);

/// <param name="Role">The person's role name (see <see cref="Roles"/>), empty when none.</param>
public sealed record Person(string Id, string DisplayName, string Role, bool IsDisabled);

public sealed class GetOrganisationHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetOrganisation, OrganisationView>
{
    public async ValueTask<OrganisationView> Handle(GetOrganisation query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var all = me.IsInRole(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var streetQuery = all ? db.Streets : db.Streets.Where(s => s.Id == me.StreetId);
        var streets = await streetQuery.OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Code, s.CourtId })
            .ToListAsync(cancellationToken);
        var streetIds = streets.Select(s => s.Id).ToList();
        var courtIds = streets.Select(s => s.CourtId).ToHashSet();

        var courts = await (all ? db.Courts : db.Courts.Where(c => courtIds.Contains(c.Id)))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.CaseCode })
            .ToListAsync(cancellationToken);
        var shownCourtIds = courts.Select(c => c.Id).ToList();
        var agencies = await db.PartnerAgencies.Where(a => shownCourtIds.Contains(a.CourtId))
            .OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new { a.CourtId, Node = new AgencyNode(a.Id, a.Name, a.Kind) })
            .ToListAsync(cancellationToken);
        var communities = await db.Communities.Where(c => streetIds.Contains(c.StreetId))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Code, c.StreetId, Cases = db.Cases.Count(k => k.CommunityId == c.Id) })
            .ToListAsync(cancellationToken);
        var grids = await db.Grids.Where(g => streetIds.Contains(g.Community!.StreetId))
            .OrderBy(g => g.Id)
            .Select(g => new { g.Id, g.Name, g.CommunityId, g.Community!.StreetId })
            .ToListAsync(cancellationToken);
        var groups = await db.WorkingGroups.Where(g => streetIds.Contains(g.StreetId))
            .OrderBy(g => g.Kind)
            .Select(g => new { g.Id, g.Kind, g.Name, g.StreetId })
            .ToListAsync(cancellationToken);
        var groupIds = groups.Select(g => g.Id).ToList();
        var members = await db.WorkingGroupMembers.Where(m => groupIds.Contains(m.WorkingGroupId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.WorkingGroupId, u.Id, u.DisplayName, u.IsDisabled })
            .ToListAsync(cancellationToken);

        var gridIds = grids.Select(g => g.Id).ToList();
        var people = await db.Users
            .Where(u => (u.StreetId != null && streetIds.Contains(u.StreetId.Value)) || (u.GridId != null && gridIds.Contains(u.GridId.Value)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.StreetId,
                u.GridId,
                u.IsDisabled,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var persons = people.ToDictionary(p => p.Id, p => new Person(p.Id, p.DisplayName, p.Role ?? "", p.IsDisabled));
        var gridStreet = grids.ToDictionary(g => g.Id, g => g.StreetId);

        // Staff as SetWorkingGroupMembers accepts them: street roles by street, grid workers by their grid's street.
        IReadOnlyList<Person> StaffOf(int streetId) => people
            .Where(p => p.Role is Roles.Coordinator or Roles.StreetOfficer ? p.StreetId == streetId
                : p.Role is Roles.GridWorker && p.GridId is { } g && gridStreet[g] == streetId)
            .Select(p => persons[p.Id])
            .ToList();

        StreetNode Street(int id, string name, string? code) => new(
            id,
            name,
            code,
            communities.Where(c => c.StreetId == id)
                .Select(c => new CommunityNode(c.Id, c.Name, c.Code, c.Cases, grids.Where(g => g.CommunityId == c.Id)
                    .Select(g => new GridNode(g.Id, g.Name, people.Where(p => p.GridId == g.Id).Select(p => persons[p.Id]).ToList()))
                    .ToList()))
                .ToList(),
            groups.Where(g => g.StreetId == id)
                .Select(g => new WorkingGroupNode(g.Id, g.Kind, g.Name, members
                    .Where(m => m.WorkingGroupId == g.Id)
                    .Select(m => persons.GetValueOrDefault(m.Id) ?? new Person(m.Id, m.DisplayName, "", m.IsDisabled))
                    .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
                    .ToList()))
                .ToList(),
            StaffOf(id));

        return new OrganisationView(
            all,
            courts.Select(c => new CourtNode(
                    c.Id,
                    c.Name,
                    c.CaseCode,
                    streets.Where(s => s.CourtId == c.Id).Select(s => Street(s.Id, s.Name, s.Code)).ToList(),
                    agencies.Where(a => a.CourtId == c.Id).Select(a => a.Node).ToList()))
                .ToList());
    }
}
