using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>
/// Disables an account (it can no longer sign in, and its open sessions end at the next
/// re-validation) or enables it again. Accounts are disabled, never deleted: matters, evidence
/// and the audit trail keep pointing at them.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SetUserDisabled([property: FieldLabel("Field.User")] string Id, bool Disabled) : ICommand;

public sealed class SetUserDisabledValidator : AbstractValidator<SetUserDisabled>
{
    public SetUserDisabledValidator() => RuleFor(x => x.Id).NotEmpty().MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Field.User"));
}

public sealed class SetUserDisabledHandler(
    IServiceScopeFactory scopes,
    ICurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : ICommandHandler<SetUserDisabled>
{
    public async ValueTask<Unit> Handle(SetUserDisabled command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        if (command.Disabled && command.Id == me.Id)
        {
            throw new RequestRefusedException("Admin.Users.CannotDisableSelf");
        }

        await using var change = await UserChange.BeginAsync(scopes, cancellationToken);
        var user = await change.FindAsync(command.Id);
        if (user.IsDisabled == command.Disabled)
        {
            return Unit.Value;
        }

        user.IsDisabled = command.Disabled;
        if (command.Disabled)
        {
            // Being disabled supersedes any lockout; re-enabling later starts from a clean slate.
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        var result = command.Disabled
            ? await change.Users.UpdateSecurityStampAsync(user)
            : await change.Users.UpdateAsync(user);
        IdentityOutcome.ThrowIfFailed(result, change.Users.Options, localizer, "");

        await change.CommitAsync(me, clock, command.Disabled ? "User.Disable" : "User.Enable", user, "", cancellationToken);
        return Unit.Value;
    }
}
