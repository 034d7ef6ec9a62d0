using System.Security.Cryptography;
using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// Keeps the first successful answer to a request sent with an <c>Idempotency-Key</c>. The key is
/// claimed by inserting a row under a unique (client, key) index before the work starts, so of
/// two racing retries exactly one does the work; the other finds the claim. A failed attempt
/// gives its claim back, so a corrected retry with the same key is handled afresh.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    public abstract record Claim;

    /// <summary>This request holds the key: do the work, then <see cref="CompleteAsync"/> or <see cref="ReleaseAsync"/>.</summary>
    public sealed record Claimed(long Id) : Claim;

    /// <summary>An earlier request with the key was answered: replay its answer.</summary>
    public sealed record Answered(int StatusCode, string Body) : Claim;

    /// <summary>An earlier request with the key is still being handled.</summary>
    public sealed record InProgress : Claim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : Claim;

    public static string HashRequest(string method, string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{body}")));

    public async Task<Claim> ClaimAsync(int clientId, string key, string requestHash, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Asked inside the write lock, so a retry that finds the key taken never runs into the unique
            // index (and nothing is logged as a database error); the catch stays for a database without that lock.
            await using var transaction = await AppDatabase.BeginWriteAsync(db, cancellationToken);
            if (!await db.IdempotentRequests.AnyAsync(r => r.ApiClientId == clientId && r.Key == key, cancellationToken))
            {
                var row = new IdempotentRequest { ApiClientId = clientId, Key = key, RequestHash = requestHash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
                db.IdempotentRequests.Add(row);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return new Claimed(row.Id);
                }
                catch (DbUpdateException)
                {
                    // Unique (client, key): someone was first; read what they left below.
                }
            }
        }

        await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await read.IdempotentRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ApiClientId == clientId && r.Key == key, cancellationToken);
        return existing switch
        {
            // Given back between our insert and this read: the client may simply retry.
            null => new InProgress(),
            { RequestHash: var hash } when hash != requestHash => new Mismatch(),
            { StatusCode: { } status, ResponseBody: { } body } => new Answered(status, body),
            _ => new InProgress(),
        };
    }

    public async Task CompleteAsync(long claimId, int statusCode, string body, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.IdempotentRequests.Where(r => r.Id == claimId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ResponseBody, body), cancellationToken);
    }

    public async Task ReleaseAsync(long claimId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.IdempotentRequests.Where(r => r.Id == claimId).ExecuteDeleteAsync(CancellationToken.None);
    }
}
