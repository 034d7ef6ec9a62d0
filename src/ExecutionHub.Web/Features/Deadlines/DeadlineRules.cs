using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Deadlines;

/// <summary>Reads a matter type's deadline policy (or the defaults) and the working calendar from the database (<see cref="Matter.ApplyDeadlinePolicy"/> applies them).</summary>
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
}
