using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>
/// What an administrator decides about a user besides their sign-in name: the name shown to
/// others, the one role, and the org unit that role works in. Shared by create and update, and
/// settable because the user dialog binds its fields to it.
/// </summary>
public interface IUserAssignment
{
    string DisplayName { get; set; }
    string Role { get; set; }
    int? CourtId { get; set; }
    int? StreetId { get; set; }
    int? GridId { get; set; }
    int? PartnerAgencyId { get; set; }

    /// <summary>The court's staff number (工号) of court staff; other systems name a judge by it. Blank for none.</summary>
    string? StaffNumber { get; set; }
}

public static class UserAssignment
{
    /// <summary>
    /// Keeps only the scope the role needs: a form may still carry a court picked before the
    /// role was switched to grid worker, and a stale scope would widen what the user may see.
    /// </summary>
    public static void ApplyTo(this IUserAssignment assignment, AppUser user)
    {
        var level = Roles.ScopeOf(assignment.Role);
        user.DisplayName = assignment.DisplayName.Trim();
        user.CourtId = level == ScopeLevel.Court ? assignment.CourtId : null;
        user.StreetId = level == ScopeLevel.Street ? assignment.StreetId : null;
        user.GridId = level == ScopeLevel.Grid ? assignment.GridId : null;
        user.PartnerAgencyId = level == ScopeLevel.Agency ? assignment.PartnerAgencyId : null;
        user.StaffNumber = level == ScopeLevel.Court ? OrgCodes.Normalise(assignment.StaffNumber) : null;
    }

    /// <summary>A short, stable description for the audit trail, e.g. "GridWorker grid=7".</summary>
    public static string Describe(string role, AppUser user) => Roles.ScopeOf(role) switch
    {
        ScopeLevel.Court => $"{role} court={user.CourtId}",
        ScopeLevel.Street => $"{role} street={user.StreetId}",
        ScopeLevel.Grid => $"{role} grid={user.GridId}",
        ScopeLevel.Agency => $"{role} agency={user.PartnerAgencyId}",
        _ => role,
    };
}

/// <summary>Display name, role and the scope the role needs, which must exist.</summary>
public sealed class UserAssignmentValidator : AbstractValidator<IUserAssignment>
{
    public UserAssignmentValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Role).NotEmpty().Must(role => Roles.All.Contains(role))
            .WithMessage(_ => localizer["Admin.Users.UnknownRole"]);

        RuleFor(x => x.CourtId).Cascade(CascadeMode.Stop).NotEmpty()
            .MustAsync(async (id, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Courts.AnyAsync(c => c.Id == id, ct);
            })
            .WithMessage(_ => localizer["Admin.Users.ScopeNotFound"])
            .When(x => Roles.ScopeOf(x.Role) == ScopeLevel.Court);

        RuleFor(x => x.StreetId).Cascade(CascadeMode.Stop).NotEmpty()
            .MustAsync(async (id, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Streets.AnyAsync(s => s.Id == id, ct);
            })
            .WithMessage(_ => localizer["Admin.Users.ScopeNotFound"])
            .When(x => Roles.ScopeOf(x.Role) == ScopeLevel.Street);

        RuleFor(x => x.GridId).Cascade(CascadeMode.Stop).NotEmpty()
            .MustAsync(async (id, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Grids.AnyAsync(g => g.Id == id, ct);
            })
            .WithMessage(_ => localizer["Admin.Users.ScopeNotFound"])
            .When(x => Roles.ScopeOf(x.Role) == ScopeLevel.Grid);

        RuleFor(x => x.PartnerAgencyId).Cascade(CascadeMode.Stop).NotEmpty()
            .MustAsync(async (id, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.PartnerAgencies.AnyAsync(a => a.Id == id, ct);
            })
            .WithMessage(_ => localizer["Admin.Users.ScopeNotFound"])
            .When(x => Roles.ScopeOf(x.Role) == ScopeLevel.Agency);

        RuleFor(x => x.StaffNumber).MaximumLength(OrgCodes.MaxLength).WithName(_ => localizer["Field.StaffNumber"]);

        // Unique in the court, since other systems name a judge by it; the user being edited may keep their own.
        RuleFor(x => x.StaffNumber).Cascade(CascadeMode.Stop)
            .Must(number => OrgCodes.IsStaffNumber(number!.Trim()))
            .WithMessage(_ => localizer["Admin.Users.StaffNumberFormat"])
            .MustAsync(async (assignment, number, ct) =>
            {
                var self = (assignment as UpdateUser)?.Id;
                var trimmed = number!.Trim();
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return !await db.Users.AnyAsync(u => u.CourtId == assignment.CourtId && u.StaffNumber == trimmed && u.Id != self, ct);
            })
            .WithMessage(_ => localizer["Admin.Users.DuplicateStaffNumber"])
            .WithName(_ => localizer["Field.StaffNumber"])
            .When(x => Roles.ScopeOf(x.Role) == ScopeLevel.Court && !string.IsNullOrWhiteSpace(x.StaffNumber));
    }
}
