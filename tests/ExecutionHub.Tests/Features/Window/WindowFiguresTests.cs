using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Window;

namespace ExecutionHub.Tests.Features.Window;

/// <summary>The list's filters and the desk's figures over a hand-built street, so every count is stated outright.</summary>
public sealed class WindowFiguresTests
{
    // The test clock stands at 2026-11-27 09:30 in Shanghai (01:30 UTC).
    private static DateTime Shanghai(int month, int day, int hour, int minute) => new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public async Task The_list_filters_by_purpose_and_by_shanghai_calendar_day()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
        var lateEvening = await LogAsync(app, data, VisitPurpose.ClueSubmission, Shanghai(11, 26, 23, 30));
        var afterMidnight = await LogAsync(app, data, VisitPurpose.ClueSubmission, Shanghai(11, 27, 0, 30));
        var mediation = await LogAsync(app, data, VisitPurpose.ExecutionMediation, Shanghai(11, 27, 9, 0));

        var today = await app.SendAsync(new ListWindowVisits(data.Street.Id) { From = new DateOnly(2026, 11, 27), To = new DateOnly(2026, 11, 27) });
        var clues = await app.SendAsync(new ListWindowVisits(data.Street.Id) { Purpose = VisitPurpose.ClueSubmission });
        var yesterdaysClues = await app.SendAsync(new ListWindowVisits(data.Street.Id) { Purpose = VisitPurpose.ClueSubmission, To = new DateOnly(2026, 11, 26) });

        Assert.Equal([mediation, afterMidnight], today.Rows.Select(r => r.Id));
        Assert.Equal(2, today.Total);
        Assert.Equal([afterMidnight, lateEvening], clues.Rows.Select(r => r.Id));
        Assert.Equal([lateEvening], yesterdaysClues.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_desk_counts_this_months_visits_by_purpose_and_the_matters_they_became()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var @case = await data.AddCaseAsync(data.Judge);
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);
        await LogAsync(app, data, VisitPurpose.ClueSubmission, Shanghai(10, 31, 23, 50));   // last month in Shanghai
        var clue = await LogAsync(app, data, VisitPurpose.ClueSubmission, Shanghai(11, 1, 0, 10));
        await LogAsync(app, data, VisitPurpose.ClueSubmission, Shanghai(11, 20, 10, 0));
        await LogAsync(app, data, VisitPurpose.FilingConsultation, Shanghai(11, 27, 9, 0));
        var registration = (await app.SendAsync(new DraftMatterFromVisit(clue))).Registration!;
        registration.CaseNumber = @case.CaseNumber;
        registration.TargetPartyId = @case.Parties.Single(p => p.Role == PartyRole.Respondent).Id;
        registration.Details.ClueKind = AssetClueKind.Income;
        registration.Details.Employer = "上海测试物流有限公司";
        await app.SendAsync(new TurnVisitIntoMatter(clue, registration));

        var figures = await app.SendAsync(new GetWindowFigures(data.Street.Id));

        Assert.Equal(new DateOnly(2026, 11, 1), figures.MonthStart);
        Assert.Equal((3, 1), (figures.Visits, figures.MattersFromWindow));
        Assert.Equal(
            [(VisitPurpose.FilingConsultation, 1), (VisitPurpose.ClueSubmission, 2), (VisitPurpose.ExecutionMediation, 0), (VisitPurpose.JudicialRelief, 0), (VisitPurpose.ResumeExecution, 0), (VisitPurpose.Other, 0)],
            figures.VisitsByPurpose.Select(p => (p.Purpose, p.Visits)));
    }

    [Fact]
    public async Task The_desk_counts_the_applications_the_judges_decided_this_month()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var @case = await data.AddCaseAsync(data.Judge);
        var received = Shanghai(10, 20, 9, 0);
        await data.AddMatterAsync(@case, MatterType.ResumeExecution, received, m =>
            m.DecideApplication(ApplicationVerdict.Granted, "新线索属实", null, null, data.Judge.Id, data.Judge.DisplayName, Shanghai(11, 3, 10, 0)));
        await data.AddMatterAsync(@case, MatterType.ResumeExecution, received, m =>
            m.DecideApplication(ApplicationVerdict.Refused, "线索不足", null, null, data.Judge.Id, data.Judge.DisplayName, Shanghai(10, 31, 23, 0)));
        await data.AddMatterAsync(@case, MatterType.ResumeExecution, received, _ => { });
        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);

        var figures = await app.SendAsync(new GetWindowFigures(data.Street.Id));

        Assert.Equal(1, figures.ApplicationsDecided);
    }

    [Fact]
    public async Task The_desk_counts_this_months_mediations_and_the_settlements_among_them()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var @case = await data.AddCaseAsync(data.Judge);
        await using (var db = await app.DbAsync())
        {
            MediationSession Held(DateOnly on, MediationResult result) => new()
            {
                StreetId = data.Street.Id, CaseId = @case.Id, HeldOn = on, Result = result, MediatorId = data.Judge.Id,
                RecordedById = data.Judge.Id, RecordedAtUtc = Shanghai(11, 27, 9, 0),
                SettlementAmount = result == MediationResult.Settlement ? 1000m : null,
            };
            db.Mediations.AddRange(
                Held(new DateOnly(2026, 10, 31), MediationResult.Settlement),    // last month
                Held(new DateOnly(2026, 11, 1), MediationResult.Settlement),
                Held(new DateOnly(2026, 11, 20), MediationResult.NoAgreement),
                Held(new DateOnly(2026, 11, 27), MediationResult.Settlement));
            await db.SaveChangesAsync();
        }

        data.ActAs(data.Judge, Roles.Coordinator, data.Street.Id);

        var figures = await app.SendAsync(new GetWindowFigures(data.Street.Id));

        Assert.Equal((3, 2), (figures.Mediations, figures.Settlements));
    }

    private static Task<int> LogAsync(TestApp app, HandBuiltData data, VisitPurpose purpose, DateTime visitedAtUtc) =>
        app.SendAsync(new LogWindowVisit
        {
            StreetId = data.Street.Id,
            VisitedAtUtc = visitedAtUtc,
            VisitorKind = VisitorKind.Applicant,
            Purpose = purpose,
            VisitorName = "申请人",
            Notes = "提供被执行人在物流公司上班的线索。",
        });
}
