using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// A case of its own for a test that refers on it and counts what was saved: a new case of judge.wang's in 平凉路街道
/// with one respondent nobody else refers, so another test's matters (or the demo's) neither change the count nor
/// make the referral a duplicate.
/// </summary>
public static class FreshCases
{
    private static int next;

    public sealed record FreshCase(int Id, string CaseNumber, int RespondentId, string RespondentName);

    public static async Task<FreshCase> AddCaseAsync(this AppFixture app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var street = await db.Streets.SingleAsync(s => s.Name == "平凉路街道");
        string caseNumber;
        do
        {
            caseNumber = $"(2026)沪0110执{(9000 + Interlocked.Increment(ref next)).ToString(CultureInfo.InvariantCulture)}号";
        }
        while (await db.Cases.AnyAsync(c => c.CaseNumber == caseNumber));

        var respondent = new CaseParty
        {
            Role = PartyRole.Respondent,
            Kind = PartyKind.Person,
            Name = "欧阳" + "甲乙丙丁戊己庚辛壬癸"[next % 10],
            IdentityNumber = "",
            Addresses = ["上海市杨浦区平凉路100弄1号"],
        };
        var @case = new ExecutionCase
        {
            CaseNumber = caseNumber,
            CourtId = street.CourtId,
            StreetId = street.Id,
            JudgeId = judge.Id,
            Cause = "民间借贷纠纷",
            Industry = "其他",
            AmountOwed = 10_000m,
            FiledOn = DateOnly.FromDateTime(now),
            CreatedAtUtc = now,
            Parties = [respondent],
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return new FreshCase(@case.Id, caseNumber, respondent.Id, respondent.Name);
    }

    /// <summary>How many times each event is on the matter's timeline.</summary>
    public static async Task<int> TimelineCountAsync(this AppFixture app, int matterId, string timelineEvent)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Timeline.CountAsync(t => t.MatterId == matterId && t.Event == timelineEvent);
    }

    /// <summary>The matters on the case, oldest first.</summary>
    public static async Task<List<int>> MatterIdsOnCaseAsync(this AppFixture app, int caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Matters.Where(m => m.CaseId == caseId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }

    /// <summary>The registration form (already open, its circuit live) filled in for a whereabouts referral on the case, ready to send.</summary>
    public static async Task FillReferralAsync(IPage page, string caseNumber)
    {
        await page.GetByTestId("register-case-number").FillAsync(caseNumber);
        await page.GetByTestId("register-case-number").BlurAsync();
        await FillWhereaboutsAsync(page);
    }

    /// <summary>The whereabouts request on a form whose case and respondent are chosen.</summary>
    public static async Task FillWhereaboutsAsync(IPage page)
    {
        await Expect(page.GetByTestId("register-respondents")).ToBeVisibleAsync();
        await page.GetByTestId("details-last-known").FillAsync("上海市杨浦区平凉路100弄1号");
        await page.GetByTestId("register-request").FillAsync("请核实被执行人现住址及作息规律。");
    }
}
