using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// DEMO ONLY: an API client of the demo court with a key printed in the README, so a new user can
/// try the API with curl at once. A real installation registers its clients at /admin/api-clients
/// and never ships a known key (it exists only when Demo:Seed is on).
/// </summary>
public static class DemoApiClient
{
    public const string Name = "杨浦法院执行办案系统（演示）";
    public const string Key = "ehk_demo2026_DEMO-ONLY-ExecutionHub-known-key-do-not-use";

    public static async Task SeedAsync(AppDbContext db, Court court, DateTime now, CancellationToken ct)
    {
        if (await db.ApiClients.AnyAsync(c => c.Name == Name, ct))
        {
            return;
        }

        ApiClientAccounts.Add(db, Name, court.Id, ApiScopes.All, now, new ApiKeys.NewKey(Key, ApiKeys.PrefixOf(Key), ApiKeys.Hash(Key)));
        await db.SaveChangesAsync(ct);
    }
}
