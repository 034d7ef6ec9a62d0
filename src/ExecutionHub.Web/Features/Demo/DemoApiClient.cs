using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// DEMO ONLY: an API client of the demo court with a key printed in the docs, so a new user can try
/// the API with curl at once. A known key only reads: anyone who has the docs has it, so it may look
/// but never register a matter or record a milestone. A real installation registers its clients at
/// /admin/api-clients and never ships a known key (this one exists only where the demo does).
/// </summary>
public static class DemoApiClient
{
    public const string Name = "杨浦法院执行办案系统（演示）";
    public const string Key = "ehk_demo2026_DEMO-ONLY-ExecutionHub-known-key-do-not-use";

    public static readonly IReadOnlyList<string> Scopes = [ApiScopes.MattersRead, ApiScopes.StatisticsRead, ApiScopes.ReferenceRead];

    /// <summary>Adds the client, or gives a client seeded by an earlier version exactly these scopes (takes back write scopes, adds new read ones).</summary>
    public static async Task SeedAsync(AppDbContext db, Court court, DateTime now, CancellationToken ct)
    {
        if (await db.ApiClients.SingleOrDefaultAsync(c => c.Name == Name, ct) is { } seeded)
        {
            if (!seeded.Scopes.ToHashSet().SetEquals(Scopes))
            {
                seeded.Scopes = [.. Scopes];
                await db.SaveChangesAsync(ct);
            }

            return;
        }

        ApiClientAccounts.Add(db, Name, court.Id, Scopes, now, new ApiKeys.NewKey(Key, ApiKeys.PrefixOf(Key), ApiKeys.Hash(Key)));
        await db.SaveChangesAsync(ct);
    }
}
