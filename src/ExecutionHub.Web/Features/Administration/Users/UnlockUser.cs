using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>Lifts a lockout after too many wrong passwords, when the user proves who they are another way.</summary>
[Allowed(Roles.Administrator)]
public sealed record UnlockUser([property: FieldLabel("Field.User")] string Id) : ICommand;

public sealed class UnlockUserValidator : AbstractValidator<UnlockUser>
{
    public UnlockUserValidator() => RuleFor(x => x.Id).NotEmpty().MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Field.User"));
}

public sealed class UnlockUserHandler(
    IServiceScopeFactory scopes,
    ICurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : ICommandHandler<UnlockUser>
{
    public async ValueTask<Unit> Handle(UnlockUser command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var change = await UserChange.BeginAsync(scopes, cancellationToken);
        var user = await change.FindAsync(command.Id);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        IdentityOutcome.ThrowIfFailed(await change.Users.UpdateAsync(user), change.Users.Options, localizer, "");

        await change.CommitAsync(me, clock, "User.Unlock", user, "", cancellationToken);
        return Unit.Value;
    }
}
