using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Features.Window;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Window;

/// <summary>A clue or an application handed in at the window becomes one matter, prefilled from the visit and linked to it.</summary>
public sealed class TurnVisitIntoMatterTests
{
    [Fact]
    public async Task A_clue_submission_becomes_a_registered_party_application_prefilled_from_the_visit_and_linked_to_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var logged = scenario.ClueSubmission();
        var visitId = await scenario.LogAsChenAsync(logged);

        var draft = await app.SendAsync(new DraftMatterFromVisit(visitId));
        var registration = draft.Registration!;
        Assert.Equal(
            (MatterSource.PartyApplication, MatterType.AssetClueVerification, scenario.PingliangCase.CaseNumber, logged.Notes, logged.Notes),
            (registration.Source, registration.Type, registration.CaseNumber, registration.Request, registration.Details.ClueDescription));
        registration.TargetPartyId = scenario.PingliangCase.Parties.First(p => p.Role == PartyRole.Respondent).Id;
        registration.Details.ClueKind = AssetClueKind.Vehicle;
        registration.Details.VehiclePlate = "沪B12345";

        var matterId = await app.SendAsync(new TurnVisitIntoMatter(visitId, registration));

        await using var db = await app.DbAsync();
        var matter = await db.Matters.AsNoTracking().SingleAsync(m => m.Id == matterId);
        Assert.Equal((MatterStatus.Registered, MatterSource.PartyApplication, scenario.PingliangCase.Id), (matter.Status, matter.Source, matter.CaseId));
        Assert.Equal(logged.Notes, matter.Request);
        Assert.Equal(matterId, (await scenario.VisitAsync(visitId)).MatterId);
        var timeline = await db.Timeline.Where(t => t.MatterId == matterId).OrderBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync();
        Assert.Equal(["Timeline.MatterReceived", "Timeline.MatterFromWindowVisit", "Timeline.MatterRegistered"], timeline.Select(t => t.Event));
        Assert.Equal("2026-11-27 09:00 · 线索提交", timeline[1].Detail);

        var view = await app.SendAsync(new GetMatter(matterId));
        Assert.Equal(new WindowOrigin(visitId, logged.VisitedAtUtc), view.FromWindow);
        var list = await app.SendAsync(new ListMatters { Search = scenario.PingliangCase.CaseNumber });
        Assert.Equal(visitId, list.Rows.Single(r => r.Id == matterId).WindowVisitId);
        var row = (await app.SendAsync(new ListWindowVisits(scenario.Pingliang))).Rows.Single(r => r.Id == visitId);
        Assert.Equal((matterId, matter.Reference, false), (row.MatterId, row.MatterReference, row.CanBecomeMatter));
    }

    [Fact]
    public async Task Turning_the_same_visit_into_a_matter_twice_is_refused_and_no_second_matter_is_made()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var visitId = await scenario.LogAsChenAsync(scenario.ClueSubmission());
        var first = await app.SendAsync(new TurnVisitIntoMatter(visitId, await RegistrationAsync(app, scenario, visitId)));
        var matters = await scenario.MatterCountAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await app.SendAsync(new TurnVisitIntoMatter(visitId, await RegistrationAsync(app, scenario, visitId, fromDraft: false))));

        Assert.Equal("Rule.Window.AlreadyMatter", refused.MessageKey);
        Assert.Equal(matters, await scenario.MatterCountAsync());
        Assert.Equal(first, (await scenario.VisitAsync(visitId)).MatterId);
        var draft = await app.SendAsync(new DraftMatterFromVisit(visitId));
        Assert.Equal((first, (RegisterMatter?)null), (draft.MatterId, draft.Registration));
    }

    [Fact]
    public async Task A_filing_consultation_does_not_become_a_matter()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var consultation = scenario.ClueSubmission();
        consultation.Purpose = VisitPurpose.FilingConsultation;
        var visitId = await scenario.LogAsChenAsync(consultation);
        var matters = await scenario.MatterCountAsync();

        Assert.Null((await app.SendAsync(new DraftMatterFromVisit(visitId))).Registration);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await app.SendAsync(new TurnVisitIntoMatter(visitId, await RegistrationAsync(app, scenario, visitId, fromDraft: false))));

        Assert.Equal("Rule.Window.PurposeNotForMatter", refused.MessageKey);
        Assert.Equal(matters, await scenario.MatterCountAsync());
    }

    [Theory]
    [InlineData(VisitPurpose.JudicialRelief, MatterType.JudicialRelief)]
    [InlineData(VisitPurpose.ResumeExecution, MatterType.ResumeExecution)]
    public async Task An_application_becomes_a_matter_of_its_own_type_with_its_account_prefilled(VisitPurpose purpose, MatterType type)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var application = scenario.ClueSubmission();
        application.Purpose = purpose;
        var visitId = await scenario.LogAsChenAsync(application);
        var registration = (await app.SendAsync(new DraftMatterFromVisit(visitId))).Registration!;
        registration.TargetPartyId = scenario.PingliangCase.Parties.First(p => p.Role == PartyRole.Respondent).Id;

        var matterId = await app.SendAsync(new TurnVisitIntoMatter(visitId, registration));

        await using var db = await app.DbAsync();
        var matter = await db.Matters.AsNoTracking().SingleAsync(m => m.Id == matterId);
        Assert.Equal(type, matter.Type);
        Assert.Equal(application.Notes, type == MatterType.JudicialRelief ? matter.Details.ApplicantHardship : matter.Details.NewAssetClue);
    }

    [Fact]
    public async Task A_registration_that_fails_validation_leaves_the_visit_unlinked_and_makes_no_matter()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var visitId = await scenario.LogAsChenAsync(scenario.ClueSubmission());
        var matters = await scenario.MatterCountAsync();
        var registration = await RegistrationAsync(app, scenario, visitId);
        registration.Details.VehiclePlate = null;
        registration.Source = MatterSource.OtherCourtEntrustment;

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new TurnVisitIntoMatter(visitId, registration)));

        Assert.Contains(refused.Errors, e => e.PropertyName.EndsWith(nameof(MatterDetails.VehiclePlate), StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.PropertyName == "Registration.Source");
        Assert.Equal(matters, await scenario.MatterCountAsync());
        Assert.Null((await scenario.VisitAsync(visitId)).MatterId);
    }

    [Fact]
    public async Task Only_a_coordinator_of_the_visits_street_can_turn_it_into_a_matter()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var visitId = await scenario.LogAsChenAsync(scenario.ClueSubmission());
        var registration = await RegistrationAsync(app, scenario, visitId);
        var matters = await scenario.MatterCountAsync();

        await app.SignInAsAsync("coord.zhao");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new TurnVisitIntoMatter(visitId, registration)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new DraftMatterFromVisit(visitId)));
        await app.SignInAsAsync("judge.wang");
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new TurnVisitIntoMatter(visitId, registration)));

        Assert.Equal(matters, await scenario.MatterCountAsync());
        Assert.Null((await scenario.VisitAsync(visitId)).MatterId);
    }

    /// <summary>A complete vehicle-clue registration for the visit, from its draft or written out (for a visit that has no draft).</summary>
    private static async Task<RegisterMatter> RegistrationAsync(TestApp app, WindowScenario scenario, int visitId, bool fromDraft = true)
    {
        var registration = fromDraft
            ? (await app.SendAsync(new DraftMatterFromVisit(visitId))).Registration!
            : new RegisterMatter { Source = MatterSource.PartyApplication, Type = MatterType.AssetClueVerification, CaseNumber = scenario.PingliangCase.CaseNumber, Request = "车辆线索" };
        registration.TargetPartyId = scenario.PingliangCase.Parties.First(p => p.Role == PartyRole.Respondent).Id;
        registration.Details.ClueKind = AssetClueKind.Vehicle;
        registration.Details.VehiclePlate = "沪B12345";
        return registration;
    }
}
