using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Reports;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// 平凉路街道's reports, so a new user finds one of each state: last month's portrait published with the
/// coordinator's suggestions, and this quarter's portrait as a draft still being written.
/// </summary>
internal static class DemoReports
{
    public const string Street = "平凉路街道";

    private const string Suggestions = """
        一是针对民间借贷、买卖合同纠纷集中的社区，联合司法所开展"执行前和解"宣传，引导当事人自动履行。
        二是对房地产开发企业涉执案件较多的情况，会同住建部门排查开发企业资金链和合同履约情况，防范群体性纠纷。
        三是保持网格核查72小时反馈节奏，对超期任务由工作站逐件督办，按期反馈率纳入网格考评。
        """;

    /// <summary>Whether the street's reports are there, or there is no demo street to write them for: the demo's last step is done.</summary>
    public static async Task<bool> ExistAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StreetWithoutReportsAsync(db, ct) is null;
    }

    public static async Task SeedAsync(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await StreetWithoutReportsAsync(db, ct) is not { } streetId)
        {
            return;
        }

        var coordinator = await db.Users.Where(u => u.UserName == "coord.chen").Select(u => u.Id).SingleOrDefaultAsync(ct);
        var today = ChinaTime.Today(clock);
        var lastMonth = DraftMonthlyPortraits.StatisticsMonth(today);
        var quarter = LocalDay.QuarterStart(today);
        var now = clock.GetUtcNow().UtcDateTime;

        var published = await ReportDrafts.DraftAsync(db, streetId, ReportKind.MonthlyPortrait, lastMonth, clock, coordinator, ct);
        published.EditSuggestions(Suggestions);
        published.Publish(now, coordinator ?? "");
        published.PublishedById = coordinator;
        await ReportDrafts.DraftAsync(db, streetId, ReportKind.QuarterlyPortrait, quarter, clock, coordinator, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<int?> StreetWithoutReportsAsync(AppDbContext db, CancellationToken ct)
    {
        var street = await db.Streets.Where(s => s.Name == Street).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        return street is { } id && !await db.Reports.AnyAsync(r => r.StreetId == id, ct) ? id : null;
    }
}
