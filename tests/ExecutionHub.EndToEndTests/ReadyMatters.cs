using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.EndToEndTests;

/// <summary>Matters the browser tests set up directly in the app's database, at the step a test starts from.</summary>
public static class ReadyMatters
{
    /// <summary>
    /// A debtor-whereabouts matter of judge.wang's in 平凉路街道 whose one task (grid.liu's) is accepted with the
    /// person found: ready to be fed back. <paramref name="shape"/> adds what a test needs (a referring API client, say).
    /// </summary>
    public static async Task<(int Id, string Reference)> AddMatterReadyForFeedbackAsync(this AppFixture app, string referencePrefix, Action<Matter>? shape = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var judgeId = await db.Users.Where(u => u.UserName == "judge.wang").Select(u => u.Id).SingleAsync();
        var worker = await db.Users.Where(u => u.UserName == "grid.liu").Select(u => new { u.Id, u.GridId }).SingleAsync();
        var @case = await db.Cases.Include(c => c.Parties)
            .Where(c => c.JudgeId == judgeId && db.Streets.Any(s => s.Id == c.StreetId && s.Name == "平凉路街道") && c.Parties.Any(p => p.Role == PartyRole.Respondent))
            .OrderBy(c => c.Id).FirstAsync();
        var matter = Matter.Receive(
            @case, @case.Parties.First(p => p.Role == PartyRole.Respondent), MatterType.DebtorWhereabouts, MatterSource.CourtExOfficio,
            $"{referencePrefix}-{now:HHmmssfff}", now.AddHours(-5), judgeId, "请核实被执行人下落。");
        shape?.Invoke(matter);
        db.Matters.Add(matter);
        matter.Register(now.AddHours(-4));
        matter.MarkDispatched(now);
        matter.Tasks.Add(new VerificationTask
        {
            AssigneeId = worker.Id,
            GridId = worker.GridId,
            AssignedAtUtc = now,
            DueAtUtc = now.AddHours(48),
            Status = VerificationTaskStatus.Accepted,
            SubmittedAtUtc = now,
            ReviewedAtUtc = now,
            Finding = new Finding { VisitedAtUtc = now, PersonFound = true, CurrentAddress = "上海市杨浦区平凉路100号", Notes = "本人在家。" },
        });
        await db.SaveChangesAsync();
        return (matter.Id, matter.Reference);
    }
}
