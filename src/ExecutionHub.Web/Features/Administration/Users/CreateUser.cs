using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>
/// Creates an account with one role, scoped to the org unit the role works in, and an initial
/// password. Settable properties because the dialog's MudForm binds to the request itself.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record CreateUser : ICommand<string>, IUserAssignment
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public int? CourtId { get; set; }
    public int? StreetId { get; set; }
    public int? GridId { get; set; }
    public int? PartnerAgencyId { get; set; }
    [FieldLabel("Field.StaffNumber")]
    public string? StaffNumber { get; set; }
    public string Password { get; set; } = "";

    /// <summary>Keeps the password out of any log line that prints the request.</summary>
    public override string ToString() => $"{nameof(CreateUser)} {{ UserName = {UserName}, Role = {Role} }}";
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public const string UserNamePattern = "^[A-Za-z0-9._-]+$";

    public CreateUserValidator(
        IDbContextFactory<AppDbContext> dbFactory,
        IServiceScopeFactory scopes,
        ILookupNormalizer normalizer,
        IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Length(3, 50)
            .Matches(UserNamePattern).WithMessage(_ => localizer["Admin.Users.UserNameFormat"])
            .MustAsync(async (name, ct) =>
            {
                var normalised = normalizer.NormalizeName(name);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return !await db.Users.AnyAsync(u => u.NormalizedUserName == normalised, ct);
            })
            .WithMessage(x => localizer["Admin.Users.Identity.DuplicateUserName", x.UserName]);

        Include(new UserAssignmentValidator(dbFactory, localizer));

        RuleFor(x => x.Password).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .SatisfiesIdentityPasswordRules(scopes, localizer);
    }
}

/// <returns>The new user's id.</returns>
public sealed class CreateUserHandler(
    IServiceScopeFactory scopes,
    ICurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : ICommandHandler<CreateUser, string>
{
    public async ValueTask<string> Handle(CreateUser command, CancellationToken cancellationToken) =>
        await UserAccountCreation.CreateAsync(scopes, await currentUser.GetAsync(), clock, localizer, command, cancellationToken);
}

/// <summary>
/// Creating an account, one way for whoever asks: an administrator in the user dialog
/// (<see cref="CreateUser"/>) and the first administrator of an installation (<c>--create-admin</c>).
/// The caller has validated the request with <see cref="CreateUserValidator"/>.
/// </summary>
public static class UserAccountCreation
{
    /// <param name="actor">Who the audit trail names as having created the account.</param>
    /// <returns>The new user's id.</returns>
    public static async Task<string> CreateAsync(
        IServiceScopeFactory scopes, UserContext actor, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CreateUser command, CancellationToken cancellationToken)
    {
        await using var change = await UserChange.BeginAsync(scopes, cancellationToken);
        var user = new AppUser
        {
            UserName = command.UserName.Trim(),
            DisplayName = command.DisplayName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        command.ApplyTo(user);

        // The validator already checked name and password; Identity checks again because another
        // administrator may have taken the name in between.
        var options = change.Users.Options;
        IdentityOutcome.ThrowIfFailed(await change.Users.CreateAsync(user, command.Password), options, localizer, nameof(CreateUser.Password), user.UserName);
        IdentityOutcome.ThrowIfFailed(await change.Users.AddToRoleAsync(user, command.Role), options, localizer, nameof(CreateUser.Password));

        await change.CommitAsync(actor, clock, "User.Create", user, UserAssignment.Describe(command.Role, user), cancellationToken);
        return user.Id;
    }
}
