using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>What the user dialog needs: the org units each role can be scoped to, and the user being edited (if any).</summary>
[Allowed(Roles.Administrator)]
public sealed record GetUserEditor(string? UserId = null) : IQuery<UserEditor>;

public sealed record ScopeOption(int Id, string Name);

public sealed record UserEditor(
    IReadOnlyList<ScopeOption> Courts,
    IReadOnlyList<ScopeOption> Streets,
    IReadOnlyList<ScopeOption> Grids,
    IReadOnlyList<ScopeOption> Agencies,
    EditableUser? User);

public sealed record EditableUser(
    string Id,
    string UserName,
    string DisplayName,
    string Role,
    int? CourtId,
    int? StreetId,
    int? GridId,
    int? PartnerAgencyId,
    bool IsDisabled,
    string? StaffNumber);

public sealed class GetUserEditorValidator : AbstractValidator<GetUserEditor>
{
    public GetUserEditorValidator() => RuleFor(x => x.UserId).NotEmpty().When(x => x.UserId is not null).MaximumLength(TextLimits.UserId).WithName(_ => UiText.Get("Field.User"));
}

public sealed class GetUserEditorHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetUserEditor, UserEditor>
{
    public async ValueTask<UserEditor> Handle(GetUserEditor query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        EditableUser? user = null;
        if (query.UserId is { } id)
        {
            var found = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
                ?? throw new NotFoundException($"User {id}");
            var roles = await db.UserRoles.Where(ur => ur.UserId == id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .ToListAsync(cancellationToken);
            user = new EditableUser(
                found.Id, found.UserName ?? "", found.DisplayName, Roles.All.FirstOrDefault(roles.Contains) ?? "",
                found.CourtId, found.StreetId, found.GridId, found.PartnerAgencyId, found.IsDisabled, found.StaffNumber);
        }

        return new UserEditor(
            await db.Courts.OrderBy(c => c.Name).Select(c => new ScopeOption(c.Id, c.Name)).ToListAsync(cancellationToken),
            await db.Streets.OrderBy(s => s.Name).Select(s => new ScopeOption(s.Id, s.Name)).ToListAsync(cancellationToken),
            await db.Grids.OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
                .Select(g => new ScopeOption(g.Id, g.Community!.Name + " · " + g.Name)).ToListAsync(cancellationToken),
            await db.PartnerAgencies.OrderBy(a => a.Name).Select(a => new ScopeOption(a.Id, a.Name)).ToListAsync(cancellationToken),
            user);
    }
}
