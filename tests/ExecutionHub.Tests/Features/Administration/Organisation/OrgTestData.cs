using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Organisation;

/// <summary>Looks up demo org units by name, so tests read like the organisation they act on.</summary>
internal static class OrgTestData
{
    public const string Pingliang = "平凉路街道";
    public const string Dinghai = "定海路街道";

    public static async Task<int> CourtIdAsync(this TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Courts.Where(c => c.CaseCode == DemoAccounts.CourtCode).Select(c => c.Id).SingleAsync();
    }

    public static async Task<int> StreetIdAsync(this TestApp app, string name)
    {
        await using var db = await app.DbAsync();
        return await db.Streets.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    public static async Task<int> CommunityIdAsync(this TestApp app, string name)
    {
        await using var db = await app.DbAsync();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    public static async Task<int> GridIdAsync(this TestApp app, string name)
    {
        await using var db = await app.DbAsync();
        return await db.Grids.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    public static async Task<string> UserIdAsync(this TestApp app, string userName)
    {
        await using var db = await app.DbAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<List<AuditEntry>> AuditAsync(this TestApp app, string action)
    {
        await using var db = await app.DbAsync();
        return await db.Audit.Where(a => a.Action == action).ToListAsync();
    }
}
