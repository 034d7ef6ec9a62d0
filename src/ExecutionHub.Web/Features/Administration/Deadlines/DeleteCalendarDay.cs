using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>Removes one holiday or make-up day; the date goes back to the plain Monday-to-Friday rule.</summary>
[Allowed(Roles.Administrator)]
public sealed record DeleteCalendarDay([property: FieldLabel("Admin.Deadlines.Column.Date")][PlannedDate] DateOnly Date) : ICommand;

public sealed class DeleteCalendarDayHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteCalendarDay>
{
    public async ValueTask<Unit> Handle(DeleteCalendarDay command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == command.Date, cancellationToken)
            ?? throw new NotFoundException($"CalendarDay {command.Date:yyyy-MM-dd}");
        db.CalendarDays.Remove(day);
        db.AddAudit(me, clock, "Deadlines.CalendarDayDeleted", $"CalendarDay {day.Date:yyyy-MM-dd}", $"{day.Kind} {day.Name}".Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
