using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Notifications;

/// <summary>The signed-in user's SMS choice for each kind of hand-off their role is told about, and the mobile number SMS go to.</summary>
[AllowAnySignedInUser]
public sealed record GetMyNotificationSettings : IQuery<MyNotificationSettings>;

public sealed record HandOffSmsChoice(HandOffKind Kind, bool Sms);

public sealed record MyNotificationSettings(string? MobilePhone, IReadOnlyList<HandOffSmsChoice> Choices);

public sealed class GetMyNotificationSettingsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetMyNotificationSettings, MyNotificationSettings>
{
    public async ValueTask<MyNotificationSettings> Handle(GetMyNotificationSettings query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var phone = await db.Users.Where(u => u.Id == me.Id).Select(u => u.PhoneNumber).SingleOrDefaultAsync(cancellationToken);
        var chosen = await db.NotificationPreferences.Where(p => p.UserId == me.Id).ToDictionaryAsync(p => p.Kind, p => p.Sms, cancellationToken);
        var byDefault = NotificationPreference.SmsByDefault(me.Roles);
        return new MyNotificationSettings(
            phone,
            NotificationPreference.KindsFor(me.Roles).Select(kind => new HandOffSmsChoice(kind, chosen.GetValueOrDefault(kind, byDefault))).ToList());
    }
}
