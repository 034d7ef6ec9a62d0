using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>
/// An API client and the disabled account of its own that names it on timelines and in the audit.
/// An administrator's <see cref="RegisterApiClient"/> adds one with a new key; the demo seeding adds
/// one with the key its README prints.
/// </summary>
public static class ApiClientAccounts
{
    /// <summary>Adds both to the unit of work (the caller saves); a new key unless <paramref name="key"/> is given.</summary>
    public static (ApiClient Client, ApiKeys.NewKey Key) Add(AppDbContext db, string name, int courtId, IEnumerable<string> scopes, DateTime now, ApiKeys.NewKey? key = null)
    {
        key ??= ApiKeys.Generate();
        var userName = "api-client-" + Guid.NewGuid().ToString("N");
        var account = new AppUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = name,
            CourtId = courtId,
            IsApiClient = true,
            IsDisabled = true,
            CreatedAtUtc = now,
        };
        db.Users.Add(account);
        var client = new ApiClient
        {
            Name = name,
            CourtId = courtId,
            Scopes = ApiScopes.All.Where(scopes.Contains).ToList(),
            KeyPrefix = key.Prefix,
            KeyHash = key.Hash,
            UserId = account.Id,
            CreatedAtUtc = now,
        };
        db.ApiClients.Add(client);
        return (client, key);
    }
}
