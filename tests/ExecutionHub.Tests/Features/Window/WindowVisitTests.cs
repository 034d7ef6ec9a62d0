using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Window;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Window;

/// <summary>Logging and reading window visits, as the demo's coordinators and judges, through the whole pipeline.</summary>
public sealed class WindowVisitTests
{
    [Fact]
    public async Task Coordinator_logs_a_visit_as_its_staff_member_with_the_case_of_the_street_linked()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var visit = scenario.ClueSubmission(scenario.PingliangCase.CaseNumber.Replace("(", "（").Replace(")", "）"));

        var id = await scenario.LogAsChenAsync(visit);

        var chen = await app.SignInAsAsync("coord.chen");
        var saved = await scenario.VisitAsync(id);
        Assert.Equal((scenario.Pingliang, chen.Id, scenario.PingliangCase.Id, scenario.PingliangCase.CaseNumber), (saved.StreetId, saved.StaffId, saved.CaseId, saved.CaseNumber));
        Assert.Equal((VisitorKind.Applicant, VisitPurpose.ClueSubmission, "毛秀英", "13812345678"), (saved.VisitorKind, saved.Purpose, saved.VisitorName, saved.VisitorPhone));
        Assert.Equal(visit.VisitedAtUtc, saved.VisitedAtUtc);
        Assert.Equal(DateTimeKind.Utc, saved.VisitedAtUtc.Kind);
        Assert.Equal(TestApp.Start.UtcDateTime, saved.LoggedAtUtc);
        Assert.Null(saved.MatterId);
    }

    [Fact]
    public async Task A_case_number_that_is_not_a_case_of_the_street_is_kept_as_given_but_not_linked()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);

        var id = await scenario.LogAsChenAsync(scenario.ClueSubmission(scenario.DinghaiCase.CaseNumber));

        var saved = await scenario.VisitAsync(id);
        Assert.Equal(scenario.DinghaiCase.CaseNumber, saved.CaseNumber);
        Assert.Null(saved.CaseId);
    }

    [Fact]
    public async Task The_list_shows_the_visitor_masked_the_staff_member_and_the_case_newest_first()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var id = await scenario.LogAsChenAsync(scenario.ClueSubmission());

        var page = await app.SendAsync(new ListWindowVisits(scenario.Pingliang));

        var row = page.Rows[0];
        Assert.Equal(id, row.Id);
        Assert.Equal(("毛*英", "138****5678", "陈静", scenario.PingliangCase.Id), (row.VisitorName, row.VisitorPhone, row.StaffName, row.CaseId));
        Assert.True(row.CanBecomeMatter);
        Assert.Equal(page.Rows.OrderByDescending(r => r.VisitedAtUtc).Select(r => r.Id), page.Rows.Select(r => r.Id));
        Assert.DoesNotContain(page.Rows, r => r.VisitorName.Length > 1 && !r.VisitorName.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Showing_a_visitor_in_full_is_audited()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var id = await scenario.LogAsChenAsync(scenario.ClueSubmission());

        var visitor = await app.SendAsync(new RevealVisitor(id));

        Assert.Equal(new VisitorView("毛秀英", "13812345678"), visitor);
        await using var db = await app.DbAsync();
        var audit = await db.Audit.SingleAsync(a => a.Action == "PersonalData.Reveal");
        Assert.Equal(($"WindowVisit {id}", "陈静"), (audit.Subject, audit.UserName));
    }

    [Fact]
    public async Task A_coordinator_of_another_street_can_neither_log_see_nor_reveal_visits_of_this_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var id = await scenario.LogAsChenAsync(scenario.ClueSubmission());
        var before = await scenario.VisitCountAsync();
        await app.SignInAsAsync("coord.zhao");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(scenario.ClueSubmission()));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListWindowVisits(scenario.Pingliang)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetWindowVisit(id)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new RevealVisitor(id)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetWindowFigures(scenario.Pingliang)));

        var own = await app.SendAsync(new ListWindowVisits(scenario.Dinghai) { PageSize = 200 });
        Assert.DoesNotContain(own.Rows, r => r.Id == id);
        Assert.Equal(before, await scenario.VisitCountAsync());
        await using var db = await app.DbAsync();
        Assert.False(await db.Audit.AnyAsync(a => a.Action == "PersonalData.Reveal"));
    }

    [Fact]
    public async Task A_judge_cannot_log_or_list_window_visits()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var before = await scenario.VisitCountAsync();
        await app.SignInAsAsync("judge.wang");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(scenario.ClueSubmission()));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListWindowVisits(scenario.Pingliang)));

        Assert.Equal(before, await scenario.VisitCountAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var before = await scenario.VisitCountAsync();
        var visit = scenario.ClueSubmission("(2026)沪0110民初12号");
        visit.VisitorName = " ";
        visit.VisitorPhone = "12345";
        visit.Notes = "";
        visit.VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddHours(2);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => scenario.LogAsChenAsync(visit));

        Assert.Equal(
            new[] { nameof(LogWindowVisit.CaseNumber), nameof(LogWindowVisit.Notes), nameof(LogWindowVisit.VisitedAtUtc), nameof(LogWindowVisit.VisitorName), nameof(LogWindowVisit.VisitorPhone) },
            refused.Errors.Select(e => e.PropertyName).Distinct().Order());
        Assert.Equal(before, await scenario.VisitCountAsync());
    }

    [Fact]
    public async Task A_visit_older_than_a_month_cannot_be_logged_after_the_fact()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await WindowScenario.CreateAsync(app);
        var visit = scenario.ClueSubmission();
        visit.VisitedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-32);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => scenario.LogAsChenAsync(visit));

        Assert.Equal([nameof(LogWindowVisit.VisitedAtUtc)], refused.Errors.Select(e => e.PropertyName));
    }
}
