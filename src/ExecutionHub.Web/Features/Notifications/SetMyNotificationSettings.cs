using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Notifications;

/// <summary>
/// The signed-in user chooses, per kind of hand-off, whether an SMS goes with the bell, and the
/// mobile number it goes to (empty: no SMS at all). A mutable class, so the settings form binds to it.
/// </summary>
[AllowAnySignedInUser]
public sealed class SetMyNotificationSettings : ICommand
{
    public string? MobilePhone { get; set; }

    public List<HandOffSmsChoice> Choices { get; set; } = [];
}

public sealed class SetMyNotificationSettingsValidator : AbstractValidator<SetMyNotificationSettings>
{
    public const string MobilePattern = @"^1[3-9]\d{9}$";

    public SetMyNotificationSettingsValidator()
    {
        RuleFor(x => x.MobilePhone).Must(phone => Regex.IsMatch(phone!.Trim(), MobilePattern)).When(x => !string.IsNullOrWhiteSpace(x.MobilePhone))
            .WithMessage(_ => UiText.Get("Validation.MobilePhone"));
        RuleForEach(x => x.Choices).Must(c => Enum.IsDefined(c.Kind));
    }
}

public sealed class SetMyNotificationSettingsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : ICommandHandler<SetMyNotificationSettings>
{
    public async ValueTask<Unit> Handle(SetMyNotificationSettings command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var mine = NotificationPreference.KindsFor(me.Roles);
        if (command.Choices.Any(c => !mine.Contains(c.Kind)))
        {
            throw new DomainRuleException("Validation.KindNotForRole");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.NotificationPreferences.Where(p => p.UserId == me.Id).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var choice in command.Choices)
        {
            if (saved.TryGetValue(choice.Kind, out var preference))
            {
                preference.Sms = choice.Sms;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = me.Id, Kind = choice.Kind, Sms = choice.Sms });
            }
        }

        var phone = string.IsNullOrWhiteSpace(command.MobilePhone) ? null : command.MobilePhone.Trim();
        var user = await db.Users.SingleAsync(u => u.Id == me.Id, cancellationToken);
        if (user.PhoneNumber != phone)
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
