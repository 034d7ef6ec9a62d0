using ExecutionHub.Tests.Features.Administration.Users;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Notifications;

/// <summary>Reading what a demo user was told of hand-offs, and arranging the people a hand-off goes to.</summary>
internal static class HandOffKit
{
    /// <summary>The hand-off notifications (keyed ones) <paramref name="userName"/> holds, oldest first.</summary>
    public static async Task<IReadOnlyList<Notification>> HandOffsAsync(this TestApp app, string userName)
    {
        await using var db = await app.DbAsync();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == id && n.Key != null).OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>
    /// The one notification titled <paramref name="titleKey"/> that <paramref name="userName"/> sees in their bell
    /// (fails when there is none or more than one), with where it takes them.
    /// </summary>
    public static async Task<(NotificationRow Row, string Target)> BellAsync(this TestApp app, string userName, string titleKey)
    {
        var user = await app.SignInAsAsync(userName);
        var mine = await app.SendAsync(new ListMyNotifications(100));
        var row = Assert.Single(mine.Latest, n => n.TitleKey == titleKey);
        return (row, row.Target(holdsTasks: user.IsInRole(Roles.GridWorker) || user.IsInRole(Roles.PartnerAgent)));
    }

    /// <summary>A second coordinator of 平凉路街道, so a registration by coord.chen has someone to tell.</summary>
    public static async Task<string> AddPingliangCoordinatorAsync(this TestApp app, string userName = "coord.qian")
    {
        await using var db = await app.DbAsync();
        var pingliang = await db.Streets.Where(s => s.Name == "平凉路街道").Select(s => s.Id).SingleAsync();
        await app.SignInAsAsync("admin");
        return await app.SendAsync(new CreateUser
        {
            UserName = userName, DisplayName = "钱敏", Role = Roles.Coordinator, StreetId = pingliang, Password = "Second#Pass2026",
        });
    }

    public static async Task DisableAsync(this TestApp app, string userName)
    {
        var user = await app.UserAsync(userName);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new SetUserDisabled(user.Id, Disabled: true));
    }

    /// <summary>Gives a demo user a mobile number, as they would on 我的通知设置 (keeping their choices).</summary>
    public static async Task SetPhoneAsync(this TestApp app, string userName, string phone, params (HandOffKind Kind, bool Sms)[] choices)
    {
        await app.SignInAsAsync(userName);
        var current = await app.SendAsync(new GetMyNotificationSettings());
        await app.SendAsync(new SetMyNotificationSettings
        {
            MobilePhone = phone,
            Choices = [.. current.Choices.Select(c => choices.Any(x => x.Kind == c.Kind) ? c with { Sms = choices.First(x => x.Kind == c.Kind).Sms } : c)],
        });
    }

    /// <summary>The SMS queued for hand-offs, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> HandOffSmsAsync(this TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith("sms:handoff:")).OrderBy(m => m.Id).ToListAsync();
    }
}
