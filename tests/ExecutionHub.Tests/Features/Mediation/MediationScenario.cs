using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Mediation;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Mediation;

/// <summary>A demo case of coord.chen's street (平凉路街道) still in execution, with its applicants and a respondent, and no mediation yet.</summary>
public sealed class MediationScenario(TestApp app, ExecutionCase @case)
{
    public TestApp App { get; } = app;

    public ExecutionCase Case { get; } = @case;

    public CaseParty Applicant => Case.Parties.Where(p => p.Role == PartyRole.Applicant).OrderBy(p => p.Id).First();

    public CaseParty Respondent => Case.Parties.Where(p => p.Role == PartyRole.Respondent).OrderBy(p => p.Id).First();

    public DateOnly Today => ChinaTime.Today(App.Clock);

    public static async Task<MediationScenario> CaseOfChensStreetAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var chen = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var @case = await db.Cases.Include(c => c.Parties).Include(c => c.Court)
            .Where(c => c.StreetId == chen.StreetId && c.Status == CaseStatus.InExecution
                && c.Parties.Any(p => p.Role == PartyRole.Applicant && !p.OptedOutOfMessages && p.Phones.Count > 0)
                && c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person))
            .Where(c => !db.Mediations.Any(m => m.CaseId == c.Id))
            .OrderBy(c => c.Id).FirstAsync();
        return new MediationScenario(app, @case);
    }

    /// <summary>A settlement of 9,000 yuan in three monthly instalments, mediated by coord.chen, both parties present.</summary>
    public async Task<RecordMediation> SettlementAsync(decimal total = 9_000m, params decimal[] amounts)
    {
        await using var db = await App.DbAsync();
        var chen = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        amounts = amounts.Length == 0 ? [3_000m, 3_000m, 3_000m] : amounts;
        return new RecordMediation
        {
            CaseId = Case.Id,
            HeldOn = Today,
            MediatorId = chen.Id,
            Attendees = [new AttendeeInput { Kind = AttendeeKind.Applicant, PartyId = Applicant.Id }, new AttendeeInput { Kind = AttendeeKind.Respondent, PartyId = Respondent.Id }],
            Result = MediationResult.Settlement,
            SettlementAmount = total,
            Instalments = amounts.Select((a, i) => new InstalmentInput { Amount = a, DueOn = Today.AddMonths(i + 1) }).ToList(),
            Notes = "双方同意分期履行",
        };
    }

    public async Task<List<Instalment>> InstalmentsAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Instalments.AsNoTracking().Where(i => i.CaseId == Case.Id).OrderBy(i => i.Number).ToListAsync();
    }
}
