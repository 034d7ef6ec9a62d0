using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>
/// Sets a new password for a user who forgot theirs, and lifts any lockout so they can sign in
/// with it at once. The new security stamp ends sessions opened with the old password.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ResetUserPassword : ICommand
{
    [FieldLabel("Field.User")]
    public string Id { get; set; } = "";
    public string NewPassword { get; set; } = "";

    /// <summary>Keeps the password out of any log line that prints the request.</summary>
    public override string ToString() => $"{nameof(ResetUserPassword)} {{ Id = {Id} }}";
}

public sealed class ResetUserPasswordValidator : AbstractValidator<ResetUserPassword>
{
    public ResetUserPasswordValidator(IServiceScopeFactory scopes, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Field.User"));
        RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .SatisfiesIdentityPasswordRules(scopes, localizer);
    }
}

public sealed class ResetUserPasswordHandler(
    IServiceScopeFactory scopes,
    ICurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : ICommandHandler<ResetUserPassword>
{
    public async ValueTask<Unit> Handle(ResetUserPassword command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var change = await UserChange.BeginAsync(scopes, cancellationToken);
        var user = await change.FindAsync(command.Id);
        var options = change.Users.Options;

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        // Remove-then-add needs no reset token (whose data-protection key would be written
        // through a second connection while this transaction holds SQLite's write lock).
        IdentityOutcome.ThrowIfFailed(await change.Users.RemovePasswordAsync(user), options, localizer, nameof(ResetUserPassword.NewPassword));
        IdentityOutcome.ThrowIfFailed(await change.Users.AddPasswordAsync(user, command.NewPassword), options, localizer, nameof(ResetUserPassword.NewPassword));

        await change.CommitAsync(me, clock, "User.ResetPassword", user, "", cancellationToken);
        return Unit.Value;
    }
}
