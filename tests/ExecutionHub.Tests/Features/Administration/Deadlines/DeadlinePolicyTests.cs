using ExecutionHub.Tests.Features.Matters;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Deadlines;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Deadlines;

public sealed class DeadlinePolicyTests
{
    private static SaveDeadlinePolicy Policy(MatterType type, int window, int dueSoon = 24, int escalation = 24, int task = 48, ClockMode mode = ClockMode.CalendarHours) => new()
    {
        MatterType = type,
        FeedbackWindowHours = window,
        DueSoonHours = dueSoon,
        EscalationHours = escalation,
        TaskSubDeadlineHours = task,
        ClockMode = mode,
    };

    [Fact]
    public async Task Every_matter_type_shows_the_defaults_until_an_administrator_saves_one()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var rows = await app.SendAsync(new GetDeadlinePolicies());

        Assert.Equal(Enum.GetValues<MatterType>(), rows.Select(r => r.MatterType));
        Assert.All(rows, r => Assert.Equal((72, 24, 24, 48, ClockMode.CalendarHours, true), (r.FeedbackWindowHours, r.DueSoonHours, r.EscalationHours, r.TaskSubDeadlineHours, r.ClockMode, r.IsDefault)));
    }

    [Fact]
    public async Task Administrator_changes_the_whereabouts_window_and_a_new_matter_gets_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await app.SendAsync(Policy(MatterType.DebtorWhereabouts, window: 96, dueSoon: 12, escalation: 6, task: 60));
        var scenario = await WorkflowScenario.ReferAsync(app, MatterType.DebtorWhereabouts);

        var matter = await scenario.MatterAsync();
        Assert.Equal(TestApp.Start.UtcDateTime, matter.ReceivedAtUtc);
        Assert.Equal(matter.ReceivedAtUtc.AddHours(96), matter.DueAtUtc);
        Assert.Equal((12, 6), (matter.DueSoonHours, matter.EscalationHours));
        await app.SignInAsAsync("admin");
        var row = (await app.SendAsync(new GetDeadlinePolicies())).Single(r => r.MatterType == MatterType.DebtorWhereabouts);
        Assert.Equal((96, 60, false), (row.FeedbackWindowHours, row.TaskSubDeadlineHours, row.IsDefault));
        await using var db = await app.DbAsync();
        var audit = await db.Audit.SingleAsync(a => a.Action == "Deadlines.PolicySaved");
        Assert.Contains("window 72h", audit.Detail);
        Assert.Contains("window 96h", audit.Detail);
    }

    [Fact]
    public async Task Working_hours_policy_makes_a_matter_received_before_a_holiday_due_after_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        // Received Friday 27 November 09:30 Shanghai: 7.5 working hours that day, the rest after the weekend —
        // and the Monday is made a holiday here, so the last half hour falls on Tuesday.
        await app.SendAsync(new ImportCalendarDays { Text = "2026-11-30 测试假日" });
        await app.SendAsync(Policy(MatterType.DebtorWhereabouts, window: 8, dueSoon: 4, task: 8, mode: ClockMode.WorkingHours));
        var scenario = await WorkflowScenario.ReferAsync(app, MatterType.DebtorWhereabouts);

        var matter = await scenario.MatterAsync();
        Assert.Equal(new DateTime(2026, 11, 27, 9, 30, 0), ChinaTime.ToLocal(matter.ReceivedAtUtc));
        Assert.Equal(new DateTime(2026, 12, 1, 9, 30, 0), ChinaTime.ToLocal(matter.DueAtUtc));
    }

    [Fact]
    public async Task A_due_soon_threshold_longer_than_the_window_is_refused()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(Policy(MatterType.HouseholdSurvey, window: 24, dueSoon: 30, task: 24)));

        Assert.Contains(refused.Errors, e => e.ErrorCode == "Admin.Deadlines.DueSoonNotShorterThanWindow" && e.PropertyName == nameof(SaveDeadlinePolicy.DueSoonHours));
        await using var db = await app.DbAsync();
        Assert.False(await db.DeadlinePolicies.AnyAsync());
        Assert.False(await db.Audit.AnyAsync(a => a.Action == "Deadlines.PolicySaved"));
    }

    [Theory]
    [InlineData(0, 0, 24, 1)]
    [InlineData(721, 24, 24, 48)]
    [InlineData(72, 24, 0, 48)]
    [InlineData(72, 24, 24, 73)]
    [InlineData(72, 72, 24, 48)]
    [InlineData(72, -1, 24, 48)]
    public async Task Hours_outside_their_ranges_are_refused(int window, int dueSoon, int escalation, int task)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(Policy(MatterType.HouseholdSurvey, window, dueSoon, escalation, task)));
    }

    [Fact]
    public async Task A_coordinator_cannot_change_a_policy()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(Policy(MatterType.DebtorWhereabouts, window: 200)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetDeadlinePolicies()));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ImportCalendarDays { Text = "2026-12-01" }));

        await using var db = await app.DbAsync();
        Assert.False(await db.DeadlinePolicies.AnyAsync());
    }
}
