using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// What makes a demo database safe to keep (<c>--remove-demo</c>): every account that still has the
/// published password is disabled and the demo API key revoked, in one transaction, each on the audit
/// trail. Disabled, not deleted, as the user administration does: cases, matters and the audit trail
/// keep pointing at them. The demo's cases and people stay; a clean installation starts from an empty
/// database instead.
/// </summary>
public static class DemoAccountRemoval
{
    public sealed record Outcome(IReadOnlyList<string> DisabledUsers, bool ApiKeyRevoked);

    public static async Task<Outcome> RemoveAsync(IServiceProvider root, UserContext actor, CancellationToken cancellationToken)
    {
        var clock = root.GetRequiredService<TimeProvider>();
        var known = await root.GetRequiredService<KnownPasswordAccounts>().FindAsync(cancellationToken);
        await using var change = await UserChange.BeginAsync(root.GetRequiredService<IServiceScopeFactory>(), cancellationToken);
        var disabled = new List<string>();
        foreach (var userName in known.Where(name => name != DemoApiClient.Name))
        {
            if (await change.Users.FindByNameAsync(userName) is not { IsDisabled: false } user)
            {
                continue;
            }

            // As SetUserDisabled: being disabled supersedes a lockout, and a new stamp ends open sessions.
            user.IsDisabled = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var result = await change.Users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Disabling {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            change.Db.AddAudit(actor, clock, "User.Disable", userName, "--remove-demo");
            disabled.Add(userName);
        }

        var demoKey = ApiKeys.Hash(DemoApiClient.Key);
        var clients = await change.Db.ApiClients.Where(c => c.KeyHash == demoKey && c.RevokedAtUtc == null).ToListAsync(cancellationToken);
        foreach (var client in clients)
        {
            client.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            change.Db.AddAudit(actor, clock, "ApiClient.Revoke", $"ApiClient:{client.Id}", client.Name);
        }

        await change.CommitAsync(cancellationToken);
        return new Outcome(disabled, clients.Count > 0);
    }
}
