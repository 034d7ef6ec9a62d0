using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Notifications;

/// <summary>The signed-in user's latest notifications and how many are unread.</summary>
[AllowAnySignedInUser]
public sealed record ListMyNotifications(int Take = 20) : IQuery<MyNotifications>;

/// <param name="Note">The title's second detail (e.g. the disabled user a hand-off was meant for), or null.</param>
public sealed record NotificationRow(long Id, string TitleKey, string Subject, int? MatterId, int? TaskId, DateTime CreatedAtUtc, bool IsRead, string? Link = null, string? Note = null)
{
    /// <summary>
    /// Where the bell takes its reader, the page where they act: people who hold tasks (grid workers,
    /// partner agents) the task, everyone else the matter; an action item's agents the board rather
    /// than the meeting; other links (a case's instalments, a meeting, a warning) as given.
    /// </summary>
    public string Target(bool holdsTasks) => Link is { } link
        ? holdsTasks && link.StartsWith("/meetings/", StringComparison.Ordinal) ? "/meetings/actions" : link
        : holdsTasks
            ? TaskId is { } task ? $"/tasks/{task}" : "/tasks"
            : MatterId is { } matter ? $"/matters/{matter}" : "/";
}

public sealed record MyNotifications(int Unread, IReadOnlyList<NotificationRow> Latest);

public sealed class ListMyNotificationsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<ListMyNotifications, MyNotifications>
{
    public async ValueTask<MyNotifications> Handle(ListMyNotifications query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.Where(n => n.RecipientId == me.Id);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var latest = await mine.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(Math.Clamp(query.Take, 1, 100))
            .Select(n => new NotificationRow(n.Id, n.TitleKey, n.Subject, n.MatterId, n.TaskId ?? (n.Alert != null ? n.Alert.TaskId : null), n.CreatedAtUtc, n.ReadAtUtc != null, n.Link, n.Note))
            .ToListAsync(cancellationToken);
        return new MyNotifications(unread, latest);
    }
}
