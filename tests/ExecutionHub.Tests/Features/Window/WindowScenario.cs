using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Window;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Window;

/// <summary>The demo's two streets and a case of 平凉路街道, and a visit logged there by coord.chen.</summary>
public sealed class WindowScenario(TestApp app)
{
    public int Pingliang { get; private set; }
    public int Dinghai { get; private set; }
    public ExecutionCase PingliangCase { get; private set; } = default!;
    public ExecutionCase DinghaiCase { get; private set; } = default!;

    public static async Task<WindowScenario> CreateAsync(TestApp app)
    {
        var scenario = new WindowScenario(app);
        await using var db = await app.DbAsync();
        scenario.Pingliang = await db.Streets.Where(s => s.Name == "平凉路街道").Select(s => s.Id).SingleAsync();
        scenario.Dinghai = await db.Streets.Where(s => s.Name == "定海路街道").Select(s => s.Id).SingleAsync();
        scenario.PingliangCase = await CaseOfAsync(db, scenario.Pingliang);
        scenario.DinghaiCase = await CaseOfAsync(db, scenario.Dinghai);
        return scenario;
    }

    private static Task<ExecutionCase> CaseOfAsync(Web.Data.AppDbContext db, int streetId) =>
        db.Cases.Include(c => c.Parties).AsNoTracking()
            .OrderBy(c => c.Id)
            .FirstAsync(c => c.StreetId == streetId && c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person));

    /// <summary>A clue submission at 平凉路街道's window half an hour ago, on its case, as coord.chen.</summary>
    public LogWindowVisit ClueSubmission(string? caseNumber = null) => new()
    {
        StreetId = Pingliang,
        VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-30),
        VisitorKind = VisitorKind.Applicant,
        Purpose = VisitPurpose.ClueSubmission,
        VisitorName = "毛秀英",
        VisitorPhone = "13812345678",
        CaseNumber = caseNumber ?? PingliangCase.CaseNumber,
        Notes = "申请人反映被执行人每天早上开一辆白色大众朗逸出门，车牌沪B12345。",
        Outcome = "收取照片两张。",
    };

    public async Task<int> LogAsChenAsync(LogWindowVisit visit)
    {
        await app.SignInAsAsync("coord.chen");
        return await app.SendAsync(visit);
    }

    public async Task<WindowVisit> VisitAsync(int id)
    {
        await using var db = await app.DbAsync();
        return await db.WindowVisits.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    public async Task<int> VisitCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.WindowVisits.CountAsync();
    }

    public async Task<int> MatterCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Matters.CountAsync();
    }
}
