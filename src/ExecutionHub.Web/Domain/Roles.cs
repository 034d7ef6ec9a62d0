namespace ExecutionHub.Web.Domain;

/// <summary>The role names stored in Identity; also the names used in request declarations.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Judge = nameof(Judge);
    public const string Coordinator = nameof(Coordinator);
    public const string GridWorker = nameof(GridWorker);
    public const string StreetOfficer = nameof(StreetOfficer);
    public const string PartnerAgent = nameof(PartnerAgent);

    /// <summary>
    /// Not an Identity role: the role the API key handler gives an integration client (another
    /// system of a court), so the pipeline knows the caller is a client and checks its API scopes.
    /// </summary>
    public const string ApiClient = nameof(ApiClient);

    public static readonly IReadOnlyList<string> All =
        [Administrator, Judge, Coordinator, GridWorker, StreetOfficer, PartnerAgent];

    /// <summary>Which org unit a user of the role must be scoped to.</summary>
    public static ScopeLevel ScopeOf(string role) => role switch
    {
        Judge => ScopeLevel.Court,
        Coordinator or StreetOfficer => ScopeLevel.Street,
        GridWorker => ScopeLevel.Grid,
        PartnerAgent => ScopeLevel.Agency,
        _ => ScopeLevel.None,
    };
}

public enum ScopeLevel
{
    None = 0,
    Court = 1,
    Street = 2,
    Grid = 3,
    Agency = 4,
}
