using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>
/// Changes a user's display name, role and scope. A new role or scope renews the security stamp,
/// so the user's open sessions re-validate and pick up (or lose) access within a minute.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record UpdateUser : ICommand, IUserAssignment
{
    [FieldLabel("Field.User")]
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public int? CourtId { get; set; }
    public int? StreetId { get; set; }
    public int? GridId { get; set; }
    public int? PartnerAgencyId { get; set; }
    [FieldLabel("Field.StaffNumber")]
    public string? StaffNumber { get; set; }
}

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Field.User"));
        Include(new UserAssignmentValidator(dbFactory, localizer));
    }
}

public sealed class UpdateUserHandler(
    IServiceScopeFactory scopes,
    ICurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : ICommandHandler<UpdateUser>
{
    public async ValueTask<Unit> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        if (command.Id == me.Id && command.Role != Roles.Administrator)
        {
            // Otherwise the last administrator could lock everybody out of administration.
            throw new RequestRefusedException("Admin.Users.CannotDemoteSelf");
        }

        await using var change = await UserChange.BeginAsync(scopes, cancellationToken);
        var user = await change.FindAsync(command.Id);
        var options = change.Users.Options;
        var before = (user.CourtId, user.StreetId, user.GridId, user.PartnerAgencyId);
        var currentRoles = await change.Users.GetRolesAsync(user);
        command.ApplyTo(user);

        var roleChanged = currentRoles.Count != 1 || currentRoles[0] != command.Role;
        if (roleChanged)
        {
            IdentityOutcome.ThrowIfFailed(await change.Users.RemoveFromRolesAsync(user, currentRoles), options, localizer, "");
            IdentityOutcome.ThrowIfFailed(await change.Users.AddToRoleAsync(user, command.Role), options, localizer, "");
        }

        var scopeChanged = before != (user.CourtId, user.StreetId, user.GridId, user.PartnerAgencyId);
        IdentityOutcome.ThrowIfFailed(
            roleChanged || scopeChanged ? await change.Users.UpdateSecurityStampAsync(user) : await change.Users.UpdateAsync(user),
            options, localizer, "");

        await change.CommitAsync(me, clock, "User.Update", user, UserAssignment.Describe(command.Role, user), cancellationToken);
        return Unit.Value;
    }
}
