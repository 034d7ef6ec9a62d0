using System.Collections.Concurrent;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Features.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// The accounts anybody could use because their secret is published: enabled demo accounts whose
/// password is still the demo's, and the demo API client while its printed key is active. Found by
/// name, then confirmed by password, so a real user who happens to be called <c>judge.wang</c> is
/// not one, and a demo account that was disabled or given a new password no longer is.
/// </summary>
public sealed class KnownPasswordAccounts(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<KnownPasswordAccounts> logger)
{
    /// <summary>How long the banner's answer is reused: a re-check costs a query, so not one per page render.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    // A stored hash never changes meaning, and checking one costs a deliberately slow PBKDF2 round.
    private readonly ConcurrentDictionary<string, bool> knownHashes = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private Task<IReadOnlyList<string>>? cached;
    private Task<IReadOnlyList<string>>? recheck;
    private DateTimeOffset cachedAt;

    /// <summary>A hash the demo seeder has just made of the demo password: known without a slow check.</summary>
    public void RememberDemoPasswordHash(string hash) => knownHashes.TryAdd(hash, true);

    /// <summary>
    /// The user names of such accounts (the demo API client by its name), checked now. Empty when
    /// there are none — a real installation, or a demo whose accounts were removed.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);

        var listed = DemoAccounts.All.Select(a => a.UserName).ToList();
        var gridWorkers = DemoAccounts.GridWorkerPrefix + "__";
        var candidates = (await db.Users
                .Where(u => !u.IsDisabled && !u.IsApiClient && u.PasswordHash != null
                    && (listed.Contains(u.UserName!) || EF.Functions.Like(u.UserName!, gridWorkers)))
                .OrderBy(u => u.UserName)
                .Select(u => new { UserName = u.UserName!, PasswordHash = u.PasswordHash! })
                .ToListAsync(cancellationToken))
            .Where(u => DemoAccounts.IsDemoUserName(u.UserName));

        var passwords = new[] { configuration["Demo:Password"], DemoAccounts.PublishedPassword }
            .OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var probe = new AppUser { DisplayName = "" };
        var found = candidates
            .Where(u => knownHashes.GetOrAdd(u.PasswordHash, hash =>
                passwords.Any(password => hasher.VerifyHashedPassword(probe, hash, password) != PasswordVerificationResult.Failed)))
            .Select(u => u.UserName)
            .ToList();

        var demoKey = ApiKeys.Hash(DemoApiClient.Key);
        if (await db.ApiClients.AnyAsync(c => c.KeyHash == demoKey && c.RevokedAtUtc == null, cancellationToken))
        {
            found.Add(DemoApiClient.Name);
        }

        return found;
    }

    /// <summary>
    /// Whether any exist, for the banner every page shows. Only the very first call waits for a check; after that
    /// the last answer is given at once, and once it is older than <see cref="RecheckAfter"/> one check runs in the
    /// background whose answer the next call gives. Waiting on a re-check made every page rendered at that moment
    /// draw itself without the banner and then move down by the banner's height under the user's pointer. One check
    /// is in flight however many circuits ask at once. A check that fails is logged and answers false: a banner
    /// must not take a page down with it.
    /// </summary>
    public async Task<bool> ExistAsync()
    {
        Task<IReadOnlyList<string>> check;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (recheck is { IsCompleted: true })
            {
                if (recheck.IsCompletedSuccessfully || cached is not { IsCompletedSuccessfully: true })
                {
                    cached = recheck;
                }

                recheck = null;
            }

            if (cached is null || (cached.IsFaulted && recheck is null))
            {
                // Off the caller's thread: SQLite answers synchronously, and the password check is slow by design.
                cached = Task.Run(() => FindAsync());
                cachedAt = now;
            }
            else if (recheck is null && now - cachedAt >= RecheckAfter)
            {
                recheck = Task.Run(() => FindAsync());
                cachedAt = now;
            }

            check = cached;
        }

        try
        {
            return (await check).Count > 0;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not check for demo accounts with the published password; the next page checks again");
            return false;
        }
    }

    /// <summary>Completes when the check in flight, if any, has answered: the next <see cref="ExistAsync"/> gives its answer.</summary>
    public Task CheckedAsync()
    {
        lock (gate)
        {
            return (recheck ?? cached ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
