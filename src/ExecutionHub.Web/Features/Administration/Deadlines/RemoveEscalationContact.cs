using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>Stops sending a court's or street's escalations to one named contact.</summary>
[Allowed(Roles.Administrator)]
public sealed record RemoveEscalationContact(int Id) : ICommand;

public sealed class RemoveEscalationContactHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveEscalationContact>
{
    public async ValueTask<Unit> Handle(RemoveEscalationContact command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.EscalationContacts.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"EscalationContact {command.Id}");
        var user = await db.Users.Where(u => u.Id == contact.UserId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        db.EscalationContacts.Remove(contact);
        db.AddAudit(me, clock, "Deadlines.EscalationContactRemoved", contact.CourtId is { } court ? $"Court #{court}" : $"Street #{contact.StreetId}", user ?? contact.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
