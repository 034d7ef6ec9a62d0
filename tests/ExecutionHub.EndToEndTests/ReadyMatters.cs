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
        var (id, reference, _) = await app.AddMatterAsync(referencePrefix, shape, now => new VerificationTask
        {
            Status = VerificationTaskStatus.Accepted,
            SubmittedAtUtc = now,
            ReviewedAtUtc = now,
            Finding = new Finding { VisitedAtUtc = now, PersonFound = true, CurrentAddress = "上海市杨浦区平凉路100号", Notes = "本人在家。" },
        });
        return (id, reference);
    }

    /// <summary>The same matter registered by the workstation and not dispatched yet.</summary>
    public static async Task<(int Id, string Reference)> AddRegisteredMatterAsync(this AppFixture app, string referencePrefix)
    {
        var (id, reference, _) = await app.AddMatterAsync(referencePrefix, shape: null, task: null);
        return (id, reference);
    }

    /// <summary>The same matter dispatched, its one task waiting for grid.liu's finding.</summary>
    public static Task<(int Id, string Reference, int TaskId)> AddDispatchedMatterAsync(this AppFixture app, string referencePrefix) =>
        app.AddMatterAsync(referencePrefix, shape: null, _ => new VerificationTask());

    /// <param name="task">The task grid.liu holds, in the state the test starts from; null for a matter not dispatched yet.</param>
    private static async Task<(int Id, string Reference, int TaskId)> AddMatterAsync(this AppFixture app, string referencePrefix, Action<Matter>? shape, Func<DateTime, VerificationTask>? task)
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
        if (task?.Invoke(now) is { } held)
        {
            matter.MarkDispatched(now);
            held.AssigneeId = worker.Id;
            held.GridId = worker.GridId;
            held.AssignedAtUtc = now;
            held.DueAtUtc = now.AddHours(48);
            matter.Tasks.Add(held);
        }

        await db.SaveChangesAsync();
        return (matter.Id, matter.Reference, matter.Tasks.SingleOrDefault()?.Id ?? 0);
    }
}
