using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Infrastructure.Auth;

/// <summary>Who is sending a request: identity, roles and the org unit they are scoped to.</summary>
public sealed record UserContext(
    string Id,
    string Name,
    IReadOnlySet<string> Roles,
    int? CourtId = null,
    int? StreetId = null,
    int? GridId = null,
    int? AgencyId = null,
    int? ApiClientId = null,
    IReadOnlySet<string>? ApiScopes = null)
{
    public static readonly UserContext Anonymous = new("", "", new HashSet<string>());

    public bool IsAuthenticated => Id.Length > 0;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>An integration client calling the API with its key (not a person).</summary>
    public bool IsApiClient => ApiClientId is not null && Roles.Contains(Domain.Roles.ApiClient);

    public bool HasApiScope(string scope) => IsApiClient && ApiScopes?.Contains(scope) == true;

    /// <summary>
    /// Whether a user of <paramref name="role"/> with this scope may act on <paramref name="target"/>:
    /// administrators everywhere; judges in their court; coordinators and street officers in their
    /// street; grid workers in their grid; partner agents for their agency.
    /// </summary>
    public bool Covers(string role, OrgScope target) => Roles.Contains(role) && role switch
    {
        Domain.Roles.Administrator => true,
        Domain.Roles.Judge => CourtId is not null && target.CourtId == CourtId,
        Domain.Roles.Coordinator or Domain.Roles.StreetOfficer => StreetId is not null && target.StreetId == StreetId,
        Domain.Roles.GridWorker => (GridId is not null && target.GridId == GridId) || target.Assignees?.Contains(Id) == true,
        Domain.Roles.PartnerAgent => (AgencyId is not null && (target.AgencyId == AgencyId || target.Agencies?.Contains(AgencyId.Value) == true))
            || target.Assignees?.Contains(Id) == true,
        Domain.Roles.ApiClient => (CourtId is not null && target.CourtId == CourtId) || (ApiClientId is not null && target.ApiClientId == ApiClientId),
        _ => false,
    };
}

/// <summary>
/// The org units a request touches; a unit left null is not touched. <see cref="Assignees"/> and
/// <see cref="Agencies"/> name who holds tasks on the target (a matter or a task), so grid workers
/// and agents reach exactly their own work. <see cref="ApiClientId"/> names the API client that
/// referred a matter, so another court's client reaches the matters it entrusted.
/// </summary>
public sealed record OrgScope(
    int? CourtId = null,
    int? StreetId = null,
    int? GridId = null,
    int? AgencyId = null,
    IReadOnlySet<string>? Assignees = null,
    IReadOnlySet<int>? Agencies = null,
    int? ApiClientId = null);
