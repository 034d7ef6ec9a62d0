using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Notifications;
using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Notifications;

public sealed class NotificationCentreTests
{
    private static async Task AddAsync(TestApp app, string recipientId, string subject, int minutesAgo)
    {
        await using var db = await app.DbAsync();
        db.Notifications.Add(new Notification { RecipientId = recipientId, TitleKey = "Notification.MatterOverdue", Subject = subject, CreatedAtUtc = TestApp.Start.UtcDateTime.AddMinutes(-minutesAgo) });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_user_sees_only_their_own_notifications_newest_first_with_the_unread_count()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var chen = await app.SignInAsAsync("coord.chen");
        var zhao = await app.SignInAsAsync("coord.zhao");
        await AddAsync(app, chen.Id, "ZX-1", 30);
        await AddAsync(app, chen.Id, "ZX-2", 10);
        await AddAsync(app, zhao.Id, "ZX-3", 5);
        await app.SignInAsAsync("coord.chen");

        var mine = await app.SendAsync(new ListMyNotifications());

        Assert.Equal(2, mine.Unread);
        Assert.Equal(["ZX-2", "ZX-1"], mine.Latest.Select(n => n.Subject));
    }

    [Fact]
    public async Task Marking_read_touches_only_the_senders_notifications_and_signals_their_other_tabs()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var chen = await app.SignInAsAsync("coord.chen");
        var zhao = await app.SignInAsAsync("coord.zhao");
        await AddAsync(app, chen.Id, "ZX-1", 30);
        await AddAsync(app, zhao.Id, "ZX-3", 5);
        await using var db = await app.DbAsync();
        var zhaosId = await db.Notifications.Where(n => n.RecipientId == zhao.Id).Select(n => n.Id).SingleAsync();
        var signalled = new List<string>();
        app.Services.GetRequiredService<INotificationSignal>().Changed += users => signalled.AddRange(users);
        await app.SignInAsAsync("coord.chen");

        Assert.Equal(0, await app.SendAsync(new MarkNotificationsRead(zhaosId)));
        Assert.Equal(1, await app.SendAsync(new MarkNotificationsRead()));

        Assert.Equal(0, (await app.SendAsync(new ListMyNotifications())).Unread);
        await app.SignInAsAsync("coord.zhao");
        Assert.Equal(1, (await app.SendAsync(new ListMyNotifications())).Unread);
        Assert.Equal([chen.Id], signalled);
    }
}
