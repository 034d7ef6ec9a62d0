using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>One page of users for the administration grid, searched by user or display name, filtered by role.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListUsers(
    string? Search = null,
    string? Role = null,
    bool IncludeDisabled = false,
    int Page = 0,
    int PageSize = 25,
    UserSort Sort = UserSort.UserName,
    bool Descending = false) : IQuery<UserPage>;

public enum UserSort
{
    UserName = 0,
    DisplayName = 1,
    CreatedAt = 2,
}

public sealed record UserPage(IReadOnlyList<UserRow> Items, int TotalItems);

/// <param name="Scope">The org unit the user works in: a court, a street, "community · grid" or an agency; null for administrators.</param>
public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? Scope,
    bool IsDisabled,
    bool IsLockedOut,
    DateTime CreatedAtUtc);

public sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator()
    {
        RuleFor(x => x.Search).MaximumLength(50);
        RuleFor(x => x.Role).Must(role => role is null || Roles.All.Contains(role));
        RuleFor(x => x.Page).GreaterThanOrEqualTo(0);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100);
        RuleFor(x => x.Sort).IsInEnum();
    }
}

public sealed class ListUsersHandler(IDbContextFactory<AppDbContext> dbFactory, ILookupNormalizer normalizer, TimeProvider clock)
    : IQueryHandler<ListUsers, UserPage>
{
    public async ValueTask<UserPage> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking().Where(u => !u.IsApiClient);
        if (!query.IncludeDisabled)
        {
            users = users.Where(u => !u.IsDisabled);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var normalised = normalizer.NormalizeName(text);
            users = users.Where(u => u.NormalizedUserName!.Contains(normalised) || u.DisplayName.Contains(text));
        }

        if (query.Role is { } role)
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        var total = await users.CountAsync(cancellationToken);
        var ordered = (query.Sort, query.Descending) switch
        {
            (UserSort.DisplayName, false) => users.OrderBy(u => u.DisplayName),
            (UserSort.DisplayName, true) => users.OrderByDescending(u => u.DisplayName),
            (UserSort.CreatedAt, false) => users.OrderBy(u => u.CreatedAtUtc),
            (UserSort.CreatedAt, true) => users.OrderByDescending(u => u.CreatedAtUtc),
            (_, true) => users.OrderByDescending(u => u.NormalizedUserName),
            _ => users.OrderBy(u => u.NormalizedUserName),
        };

        var rows = await ordered.ThenBy(u => u.Id)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.IsDisabled,
                u.LockoutEnd,
                u.CreatedAtUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Court = db.Courts.Where(c => c.Id == u.CourtId).Select(c => c.Name).FirstOrDefault(),
                Street = db.Streets.Where(s => s.Id == u.StreetId).Select(s => s.Name).FirstOrDefault(),
                Grid = db.Grids.Where(g => g.Id == u.GridId).Select(g => g.Community!.Name + " · " + g.Name).FirstOrDefault(),
                Agency = db.PartnerAgencies.Where(a => a.Id == u.PartnerAgencyId).Select(a => a.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // SQLite cannot compare DateTimeOffset columns, so lockout is judged here.
        var now = clock.GetUtcNow();
        var items = rows.Select(r => new UserRow(
                r.Id,
                r.UserName ?? "",
                r.DisplayName,
                Roles.All.Where(r.Roles.Contains).ToList(),
                r.Court ?? r.Street ?? r.Grid ?? r.Agency,
                r.IsDisabled,
                r.LockoutEnd is { } end && end > now,
                r.CreatedAtUtc))
            .ToList();
        return new UserPage(items, total);
    }
}
