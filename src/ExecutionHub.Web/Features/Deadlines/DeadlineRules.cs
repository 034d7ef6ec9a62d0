using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Deadlines;

/// <summary>Reads a matter type's deadline policy (or the defaults) and the working calendar from the database.</summary>
public static class DeadlineRules
{
    public static async Task<(DeadlinePolicy Policy, WorkingCalendar Calendar)> ForAsync(AppDbContext db, MatterType type, CancellationToken cancellationToken)
    {
        var policy = await db.DeadlinePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.MatterType == type, cancellationToken) ?? DeadlinePolicy.Default(type);
        var calendar = policy.ClockMode == ClockMode.WorkingHours
            ? new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Kind, cancellationToken))
            : WorkingCalendar.WeekdaysOnly;
        return (policy, calendar);
    }

    /// <summary>A new matter's due time and alert thresholds under its type's policy.</summary>
    public static void Apply(Matter matter, DeadlinePolicy policy, WorkingCalendar calendar)
    {
        matter.DueAtUtc = Domain.Deadlines.DueAt(matter.ReceivedAtUtc, policy.FeedbackWindowHours, policy.ClockMode, calendar);
        matter.DueSoonHours = policy.DueSoonHours;
        matter.EscalationHours = policy.EscalationHours;
        matter.ScheduleAlerts();
    }
}
