using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Cases;

/// <summary>A demo case of 王振华 (Yangpu court) with two applicants who both have a mobile phone, still in execution.</summary>
public sealed class MilestoneScenario(TestApp app, ExecutionCase @case)
{
    public TestApp App { get; } = app;

    public ExecutionCase Case { get; } = @case;

    public IReadOnlyList<CaseParty> Applicants => Case.Parties.Where(p => p.Role == PartyRole.Applicant).OrderBy(p => p.Id).ToList();

    public CaseParty Respondent => Case.Parties.First(p => p.Role == PartyRole.Respondent);

    public static async Task<MilestoneScenario> TwoApplicantCaseAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var @case = await db.Cases.Include(c => c.Parties).Include(c => c.Court)
            .Where(c => c.JudgeId == judge.Id && c.Parties.Count(p => p.Role == PartyRole.Applicant) == 2)
            .OrderBy(c => c.Id).FirstAsync();
        @case.Status = CaseStatus.InExecution;
        @case.AmountRecovered = 0m;
        await db.SaveChangesAsync();

        // The demo data's own milestones (and their timeline lines) would blur what the test records.
        await db.Milestones.Where(m => m.CaseId == @case.Id).ExecuteDeleteAsync();
        await db.Timeline.Where(t => t.CaseId == @case.Id && t.Event == "Timeline.MilestoneRecorded").ExecuteDeleteAsync();
        return new MilestoneScenario(app, @case);
    }

    public RecordMilestone Milestone(MilestoneKind kind, decimal? amount = null, DateOnly? on = null, string note = "") => new()
    {
        CaseId = Case.Id,
        Kind = kind,
        OccurredOn = on ?? ChinaTimeToday(),
        Amount = amount,
        Note = note,
    };

    public DateOnly ChinaTimeToday() => Web.Infrastructure.Time.ChinaTime.Today(App.Clock);

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<ExecutionCase> ReloadCaseAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == Case.Id);
    }
}
