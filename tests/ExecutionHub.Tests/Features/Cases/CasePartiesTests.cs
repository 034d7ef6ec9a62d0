using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Cases;

/// <summary>Personal data on the case page: masked for every role that opens it, shown in full one party at a time, audited.</summary>
public sealed class CasePartiesTests
{
    [Theory]
    [InlineData("judge.wang")]
    [InlineData("coord.chen")]
    public async Task Should_mask_every_partys_name_id_number_and_phones_for_judges_and_coordinators(string insider)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var @case = await PingliangCaseAsync(app);
        await app.SignInAsAsync(insider);

        var view = await app.SendAsync(new GetCase(@case.Id));

        var parties = view.Applicants.Concat(view.Respondents).ToList();
        Assert.Equal(@case.Parties.Count, parties.Count);
        foreach (var party in @case.Parties)
        {
            var shown = parties.Single(p => p.Id == party.Id);
            Assert.Equal(party.Kind == PartyKind.Person ? PersonalData.MaskName(party.Name) : party.Name, shown.Name);
            Assert.Matches(@"^.{6}\*+.{4}$", shown.IdentityNumber);
            Assert.Equal(party.Phones.Count, shown.Phones.Count);
            Assert.All(shown.Phones, p => Assert.Contains("****", p, StringComparison.Ordinal));
            Assert.DoesNotContain(party.IdentityNumber, shown.IdentityNumber, StringComparison.Ordinal);
        }

        Assert.Contains(parties, p => p.Kind == PartyKind.Person && p.Phones.Count > 0);
    }

    [Fact]
    public async Task Should_reveal_one_party_of_the_case_in_full_and_write_it_to_the_audit_log()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var @case = await PingliangCaseAsync(app);
        var respondent = @case.Parties.First(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person);
        var coordinator = await app.SignInAsAsync("coord.chen");

        var revealed = await app.SendAsync(new RevealCaseParty(@case.Id, respondent.Id));

        Assert.Equal((respondent.Name, respondent.IdentityNumber), (revealed.Name, revealed.IdentityNumber));
        Assert.Equal(respondent.Phones, revealed.Phones);
        await using var db = await app.DbAsync();
        var audit = await db.Audit.SingleAsync(a => a.Action == "PersonalData.Reveal");
        Assert.Equal((coordinator.Id, $"Case {@case.CaseNumber}", $"Party {respondent.Id}"), (audit.UserId, audit.Subject, audit.Detail));
    }

    [Fact]
    public async Task Should_reveal_nothing_to_a_coordinator_of_another_street_nor_through_another_case()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var @case = await PingliangCaseAsync(app);
        var respondent = @case.Parties.First(p => p.Role == PartyRole.Respondent);
        int otherCase;
        await using (var db = await app.DbAsync())
        {
            otherCase = await db.Cases.Where(c => c.StreetId == @case.StreetId && c.Id != @case.Id).Select(c => c.Id).FirstAsync();
        }

        await app.SignInAsAsync("coord.zhao");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RevealCaseParty(@case.Id, respondent.Id)));

        // A party asked for through a case it does not belong to is not found there.
        await app.SignInAsAsync("coord.chen");
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new RevealCaseParty(otherCase, respondent.Id)));

        await using var check = await app.DbAsync();
        Assert.False(await check.Audit.AnyAsync(a => a.Action == "PersonalData.Reveal"));
    }

    /// <summary>A demo case of 平凉路街道 whose respondent is a person with a phone.</summary>
    private static async Task<ExecutionCase> PingliangCaseAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var pingliang = await db.Streets.SingleAsync(s => s.Name == "平凉路街道");
        var cases = await db.Cases.Include(c => c.Parties).AsNoTracking().Where(c => c.StreetId == pingliang.Id).OrderBy(c => c.Id).ToListAsync();
        return cases.First(c => c.Parties.Any(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person && p.Phones.Count > 0));
    }
}
