using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// Turns a valid, unrevoked <c>X-Api-Key</c> into a principal the mediator pipeline understands:
/// the client's account id and name, the <see cref="Roles.ApiClient"/> role, its court and one
/// claim per API scope. Refusals answer as problem details, never as a sign-in redirect.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<AppDbContext> dbFactory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.Hash(values.ToString().Trim());
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.KeyHash == hash, Context.RequestAborted);
        if (client is null || client.IsRevoked)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, client.UserId),
            new(ClaimTypes.Name, client.Name),
            new(ScopeClaims.DisplayName, client.Name),
            new(ClaimTypes.Role, Roles.ApiClient),
            new(ScopeClaims.Court, client.CourtId.ToString(CultureInfo.InvariantCulture)),
            new(ScopeClaims.ApiClient, client.Id.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(client.Scopes.Select(scope => new Claim(ScopeClaims.ApiScope, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.HeaderName}\"";
        return ApiProblems.WriteAsync(Context, ApiErrorCodes.Unauthenticated);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, ApiErrorCodes.MissingScope);
}
