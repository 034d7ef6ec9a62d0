using System.Globalization;
using System.Security.Claims;
using ExecutionHub.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Web.Infrastructure.Auth;

/// <summary>Claim types that carry a user's scope in the sign-in cookie, so no request needs a lookup.</summary>
public static class ScopeClaims
{
    public const string DisplayName = "eh:name";
    public const string Court = "eh:court";
    public const string Street = "eh:street";
    public const string Grid = "eh:grid";
    public const string Agency = "eh:agency";
    public const string ApiClient = "eh:apiclient";
    public const string ApiScope = "eh:apiscope";

    public static UserContext ToUserContext(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return UserContext.Anonymous;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = principal.FindFirstValue(DisplayName) ?? principal.Identity.Name ?? "";
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var apiScopes = principal.FindAll(ApiScope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new UserContext(
            id, name, roles, Int(principal, Court), Int(principal, Street), Int(principal, Grid), Int(principal, Agency),
            Int(principal, ApiClient), apiScopes.Count == 0 ? null : apiScopes);
    }

    private static int? Int(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>Adds display name and scope claims to the cookie principal at sign-in.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        Add(identity, ScopeClaims.Court, user.CourtId);
        Add(identity, ScopeClaims.Street, user.StreetId);
        Add(identity, ScopeClaims.Grid, user.GridId);
        Add(identity, ScopeClaims.Agency, user.PartnerAgencyId);
        return identity;
    }

    private static void Add(ClaimsIdentity identity, string type, int? value)
    {
        if (value is not null)
        {
            identity.AddClaim(new Claim(type, value.Value.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
