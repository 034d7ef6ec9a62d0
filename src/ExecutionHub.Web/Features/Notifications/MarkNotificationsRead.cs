using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Notifications;

/// <summary>Marks one of the sender's notifications read, or all of them when no id is given.</summary>
[AllowAnySignedInUser]
public sealed record MarkNotificationsRead(long? NotificationId = null) : ICommand<int>;

public sealed class MarkNotificationsReadHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, INotificationSignal signal)
    : ICommandHandler<MarkNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkNotificationsRead command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = db.Notifications.Where(n => n.RecipientId == me.Id && n.ReadAtUtc == null);
        if (command.NotificationId is { } id)
        {
            unread = unread.Where(n => n.Id == id);
        }

        var changed = await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        if (changed > 0)
        {
            // The user's other tabs update their bells too.
            signal.Raise([me.Id]);
        }

        return changed;
    }
}
