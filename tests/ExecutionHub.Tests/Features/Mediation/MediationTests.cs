using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Mediation;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Mediation;

public sealed class MediationTests
{
    [Fact]
    public async Task A_settlement_records_the_settlement_milestone_texts_the_applicants_and_creates_its_instalments()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        var outboxBefore = await OutboxCountAsync(app);

        var id = await app.SendAsync(await scenario.SettlementAsync());

        await using var db = await app.DbAsync();
        var session = await db.Mediations.Include(m => m.Attendees).SingleAsync(m => m.Id == id);
        Assert.Equal((MediationResult.Settlement, 9_000m, 2), (session.Result, session.SettlementAmount!.Value, session.Attendees.Count));
        var milestone = await db.Milestones.SingleAsync(m => m.Id == session.MilestoneId);
        Assert.Equal((MilestoneKind.Settlement, 9_000m, scenario.Today), (milestone.Kind, milestone.Amount!.Value, milestone.OccurredOn));
        Assert.True(await OutboxCountAsync(app) > outboxBefore, "the applicants are texted about the settlement");
        Assert.True(await db.Outbox.AnyAsync(m => m.Key.StartsWith($"milestone:{milestone.Id}:party:")));
        Assert.Equal(CaseStatus.Settled, (await db.Cases.SingleAsync(c => c.Id == scenario.Case.Id)).Status);

        var instalments = await scenario.InstalmentsAsync();
        Assert.Equal([1, 2, 3], instalments.Select(i => i.Number));
        Assert.Equal(9_000m, instalments.Sum(i => i.Amount));
        Assert.Equal(scenario.Today.AddMonths(1), instalments[0].DueOn);
        Assert.All(instalments, i => Assert.Equal(i.DueSoonAtUtc, i.NextAlertAtUtc));
        Assert.True(await db.Timeline.AnyAsync(t => t.CaseId == scenario.Case.Id && t.Event == "Timeline.MediationSettled"));
    }

    [Fact]
    public async Task Instalments_that_do_not_add_up_to_the_total_are_refused_with_both_sums_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        var milestonesBefore = await MilestoneCountAsync(app, scenario.Case.Id);

        var error = await Assert.ThrowsAsync<ValidationException>(() => SendSettlementAsync(app, scenario));

        Assert.Contains(error.Errors, e => e.ErrorMessage.Contains("8,000.00", StringComparison.Ordinal) && e.ErrorMessage.Contains("9,000.00", StringComparison.Ordinal));
        Assert.Empty(await scenario.InstalmentsAsync());
        await using var db = await app.DbAsync();
        Assert.False(await db.Mediations.AnyAsync(m => m.CaseId == scenario.Case.Id));
        Assert.Equal(milestonesBefore, await MilestoneCountAsync(app, scenario.Case.Id));
    }

    [Fact]
    public async Task A_settlement_without_instalments_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        var command = await scenario.SettlementAsync();
        command.Instalments.Clear();

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(command));
    }

    [Fact]
    public async Task No_agreement_records_the_session_without_a_milestone_or_instalments()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        var milestonesBefore = await MilestoneCountAsync(app, scenario.Case.Id);
        var command = await scenario.SettlementAsync();
        command.Result = MediationResult.NoAgreement;
        command.SettlementAmount = null;
        command.Instalments.Clear();

        var id = await app.SendAsync(command);

        await using var db = await app.DbAsync();
        var session = await db.Mediations.SingleAsync(m => m.Id == id);
        Assert.Null(session.MilestoneId);
        Assert.Empty(await scenario.InstalmentsAsync());
        Assert.Equal(milestonesBefore, await MilestoneCountAsync(app, scenario.Case.Id));
        Assert.True(await db.Timeline.AnyAsync(t => t.CaseId == scenario.Case.Id && t.Event == "Timeline.MediationNoAgreement"));
    }

    [Theory]
    [InlineData("coord.zhao")]
    [InlineData("grid.liu")]
    [InlineData("street.huang")]
    [InlineData("police.xu")]
    public async Task Only_the_cases_own_street_and_court_may_record_a_mediation(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        var command = await scenario.SettlementAsync();
        await app.SignInAsAsync(userName);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(command));
        Assert.Empty(await scenario.InstalmentsAsync());
    }

    [Fact]
    public async Task A_mediator_who_is_not_staff_of_the_street_or_court_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        var command = await scenario.SettlementAsync();
        await using (var db = await app.DbAsync())
        {
            command.MediatorId = (await db.Users.SingleAsync(u => u.UserName == "coord.zhao")).Id;
        }

        await app.SignInAsAsync("coord.chen");

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(command));
        Assert.Equal("Rule.Mediation.MediatorNotStaff", refusal.MessageKey);
    }

    [Fact]
    public async Task A_window_visit_that_came_for_something_else_cannot_carry_a_mediation()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        var command = await scenario.SettlementAsync();
        await using (var db = await app.DbAsync())
        {
            command.WindowVisitId = await db.WindowVisits.Where(v => v.StreetId == scenario.Case.StreetId && v.Purpose == VisitPurpose.FilingConsultation).Select(v => v.Id).FirstAsync();
        }

        await app.SignInAsAsync("coord.chen");

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(command));
        Assert.Equal("Rule.Mediation.VisitNotMediation", refusal.MessageKey);
    }

    [Fact]
    public async Task A_mediation_visit_links_the_session_and_the_case()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        var command = await scenario.SettlementAsync();
        await using (var db = await app.DbAsync())
        {
            var chen = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
            var visit = new WindowVisit
            {
                StreetId = scenario.Case.StreetId, VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime, VisitorKind = VisitorKind.Respondent,
                Purpose = VisitPurpose.ExecutionMediation, VisitorName = "王某", StaffId = chen.Id, LoggedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.WindowVisits.Add(visit);
            await db.SaveChangesAsync();
            command.WindowVisitId = visit.Id;
        }

        await app.SignInAsAsync("coord.chen");
        var id = await app.SendAsync(command);

        await using var check = await app.DbAsync();
        Assert.Equal(command.WindowVisitId, (await check.Mediations.SingleAsync(m => m.Id == id)).WindowVisitId);
        Assert.Equal(scenario.Case.Id, (await check.WindowVisits.SingleAsync(v => v.Id == command.WindowVisitId)).CaseId);
    }

    [Fact]
    public async Task Marking_an_instalment_paid_goes_on_the_timeline_and_marking_it_again_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        await app.SendAsync(await scenario.SettlementAsync());
        var first = (await scenario.InstalmentsAsync())[0];

        await app.SendAsync(new MarkInstalmentPaid { InstalmentId = first.Id, Version = first.Version, Amount = 3_000m, PaidOn = scenario.Today });

        var paid = (await scenario.InstalmentsAsync())[0];
        Assert.Equal((3_000m, scenario.Today), (paid.PaidAmount!.Value, paid.PaidOn!.Value));
        Assert.Null(paid.NextAlertAtUtc);
        await using (var db = await app.DbAsync())
        {
            var line = await db.Timeline.SingleAsync(t => t.CaseId == scenario.Case.Id && t.Event == "Timeline.InstalmentPaid");
            Assert.StartsWith("#1 · 3,000.00", line.Detail, StringComparison.Ordinal);
        }

        var again = await Assert.ThrowsAsync<DomainRuleException>(() =>
            app.SendAsync(new MarkInstalmentPaid { InstalmentId = paid.Id, Version = paid.Version, Amount = 3_000m, PaidOn = scenario.Today }));
        Assert.Equal("Rule.Instalment.AlreadyPaid", again.MessageKey);
    }

    [Fact]
    public async Task A_coordinator_of_another_street_cannot_mark_an_instalment_paid()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        await app.SendAsync(await scenario.SettlementAsync());
        var first = (await scenario.InstalmentsAsync())[0];
        await app.SignInAsAsync("coord.zhao");

        await Assert.ThrowsAsync<RequestRefusedException>(() =>
            app.SendAsync(new MarkInstalmentPaid { InstalmentId = first.Id, Version = first.Version, Amount = 3_000m, PaidOn = scenario.Today }));
        Assert.Null((await scenario.InstalmentsAsync())[0].PaidOn);
    }

    [Fact]
    public async Task The_case_shows_masked_parties_and_each_instalment_due_overdue_or_paid()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");
        await app.SendAsync(await scenario.SettlementAsync());
        var first = (await scenario.InstalmentsAsync())[0];
        await app.SendAsync(new MarkInstalmentPaid { InstalmentId = first.Id, Version = first.Version, Amount = 3_000m, PaidOn = scenario.Today });

        app.Clock.Advance(TimeSpan.FromDays(63));
        var view = Assert.Single(await app.SendAsync(new GetCaseMediations(scenario.Case.Id)));

        Assert.Equal([DueState.Done, DueState.Overdue, DueState.Due], view.Instalments.Select(i => i.State));
        var respondent = view.Attendees.Single(a => a.Kind == AttendeeKind.Respondent);
        Assert.Equal(PersonalData.MaskName(scenario.Respondent.Name), respondent.MaskedName);
        Assert.NotEqual(scenario.Respondent.Name, respondent.MaskedName);
    }

    [Fact]
    public async Task The_dialog_offers_the_streets_coordinators_and_the_courts_judges_as_mediators_and_the_parties_masked()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MediationScenario.CaseOfChensStreetAsync(app);
        await app.SignInAsAsync("coord.chen");

        var options = await app.SendAsync(new GetMediationOptions(scenario.Case.Id));

        Assert.Contains(options.Mediators, m => m.Name == "陈静");
        Assert.Contains(options.Mediators, m => m.Name == "王振华");
        Assert.DoesNotContain(options.Mediators, m => m.Name == "赵磊");
        Assert.DoesNotContain(options.Mediators, m => m.Name == "刘建国");
        var respondent = options.Parties.Single(p => p.Id == scenario.Respondent.Id);
        Assert.Equal(PersonalData.MaskName(scenario.Respondent.Name), respondent.MaskedName);
    }

    private static async Task SendSettlementAsync(TestApp app, MediationScenario scenario) =>
        await app.SendAsync(await scenario.SettlementAsync(9_000m, 3_000m, 3_000m, 2_000m));

    private static async Task<int> OutboxCountAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Outbox.CountAsync();
    }

    private static async Task<int> MilestoneCountAsync(TestApp app, int caseId)
    {
        await using var db = await app.DbAsync();
        return await db.Milestones.CountAsync(m => m.CaseId == caseId);
    }
}
