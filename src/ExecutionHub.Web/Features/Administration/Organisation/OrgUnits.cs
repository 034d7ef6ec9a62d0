using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Organisation;

/// <summary>
/// A create-or-rename command the organisation dialog edits. Its properties are settable because
/// MudForm binds to the command itself, so the pipeline's validator checks exactly what was typed.
/// </summary>
public interface IOrgUnitForm
{
    /// <summary>Null creates a unit; otherwise the unit to rename.</summary>
    int? Id { get; }

    string Name { get; set; }
}

/// <summary>The kinds of <see cref="IStreetUnit"/>; their names are the words the audit log uses (<c>Org.CommunityCreated</c>, <c>Org.GridRenamed</c>…).</summary>
public enum StreetUnitKind
{
    Community = 1,
    Grid = 2,
}

/// <summary>Where each kind of street unit is stored: the one place the two kinds differ.</summary>
internal static class StreetUnits
{
    /// <summary>The kind of unit another kind lives in, by the name the audit log and errors give it.</summary>
    public static string ParentOf(StreetUnitKind kind) => kind == StreetUnitKind.Community ? "Street" : nameof(StreetUnitKind.Community);

    public static Task<bool> ParentExistsAsync(AppDbContext db, StreetUnitKind kind, int parentId, CancellationToken ct) => kind switch
    {
        StreetUnitKind.Community => db.Streets.AnyAsync(s => s.Id == parentId, ct),
        StreetUnitKind.Grid => db.Communities.AnyAsync(c => c.Id == parentId, ct),
        _ => Task.FromResult(false),
    };

    /// <summary>Whether a sibling (a unit of the same kind and parent, other than <paramref name="exceptId"/>) already has <paramref name="name"/>.</summary>
    public static Task<bool> IsNameTakenAsync(AppDbContext db, StreetUnitKind kind, int parentId, string name, int? exceptId, CancellationToken ct) => kind switch
    {
        StreetUnitKind.Community => db.Communities.AnyAsync(c => c.StreetId == parentId && c.Name == name && c.Id != exceptId, ct),
        StreetUnitKind.Grid => db.Grids.AnyAsync(g => g.CommunityId == parentId && g.Name == name && g.Id != exceptId, ct),
        _ => Task.FromResult(false),
    };

    public static async Task<IStreetUnit?> FindAsync(AppDbContext db, StreetUnitKind kind, int id, CancellationToken ct) => kind switch
    {
        StreetUnitKind.Community => await db.Communities.SingleOrDefaultAsync(c => c.Id == id, ct),
        StreetUnitKind.Grid => await db.Grids.SingleOrDefaultAsync(g => g.Id == id, ct),
        _ => null,
    };

    /// <summary>A new unit, added to the context (saved by the caller).</summary>
    public static IStreetUnit Add(AppDbContext db, StreetUnitKind kind, string name, int parentId) => kind switch
    {
        StreetUnitKind.Community => db.Communities.Add(new Community { Name = name, StreetId = parentId }).Entity,
        StreetUnitKind.Grid => db.Grids.Add(new Grid { Name = name, CommunityId = parentId }).Entity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>The rules every org unit's name follows.</summary>
internal static class OrgUnitNameRules
{
    public const int MaxLength = 100;

    /// <summary>
    /// Characters no court, street, community, grid or agency name needs and markup does: names are drawn
    /// on charts and reports for other people, so one that reads like a tag is refused at the door
    /// (what is already stored is still only ever written as text).
    /// </summary>
    public static readonly char[] MarkupCharacters = ['<', '>', '&', '"', '\''];

    /// <summary>
    /// Required, at most <see cref="MaxLength"/> characters, free of <see cref="MarkupCharacters"/>, and not taken among its siblings
    /// (<paramref name="isTaken"/> gets the trimmed name). The duplicate message's resource key is
    /// also its error code, so callers and tests can tell it from the others.
    /// </summary>
    public static IRuleBuilderOptions<T, string> UnitName<T>(
        this IRuleBuilderInitial<T, string> rule,
        IStringLocalizer<SharedResource> localizer,
        string duplicateKey,
        Func<T, string, CancellationToken, Task<bool>> isTaken) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(MaxLength)
            .Must(name => name.IndexOfAny(MarkupCharacters) < 0)
            .WithMessage(_ => localizer["Admin.Org.NameMarkup"])
            .WithErrorCode("Admin.Org.NameMarkup")
            .MustAsync(async (command, name, ct) => !await isTaken(command, name.Trim(), ct))
            .WithMessage(_ => localizer[duplicateKey])
            .WithErrorCode(duplicateKey)
            .WithName(_ => localizer["Admin.Org.Field.Name"]);
}

/// <summary>The rules a street's or community's code follows (<see cref="OrgCodes"/>).</summary>
internal static class OrgUnitCodeRules
{
    /// <summary>
    /// Optional (blank clears it); otherwise of the unit's form (<paramref name="isCode"/>, refused with <paramref name="formatKey"/>) and
    /// not taken among its siblings (<paramref name="isTaken"/> gets the trimmed code). Message keys are the error codes.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> UnitCode<T>(
        this IRuleBuilderInitial<T, string?> rule,
        IStringLocalizer<SharedResource> localizer,
        Func<string, bool> isCode,
        string formatKey,
        string duplicateKey,
        Func<T, string, CancellationToken, Task<bool>> isTaken) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(code => string.IsNullOrWhiteSpace(code) || isCode(code.Trim()))
            .WithMessage(_ => localizer[formatKey])
            .WithErrorCode(formatKey)
            .MustAsync(async (command, code, ct) => string.IsNullOrWhiteSpace(code) || !await isTaken(command, code.Trim(), ct))
            .WithMessage(_ => localizer[duplicateKey])
            .WithErrorCode(duplicateKey)
            .WithName(_ => localizer["Admin.Org.Field.Code"]);
}

/// <summary>Finds the street an org unit belongs to, for the pipeline's scope check.</summary>
internal static class OrgScopes
{
    public static async ValueTask<OrgScope> OfStreetAsync(IServiceProvider services, int streetId, CancellationToken ct)
    {
        await using var db = await CreateAsync(services, ct);
        var courtId = await db.Streets.Where(s => s.Id == streetId).Select(s => (int?)s.CourtId).SingleOrDefaultAsync(ct);
        return new OrgScope(CourtId: courtId, StreetId: streetId);
    }

    /// <summary>An unknown community yields an empty scope, which only an administrator covers; the handler then reports it not found.</summary>
    public static async ValueTask<OrgScope> OfCommunityAsync(IServiceProvider services, int communityId, CancellationToken ct)
    {
        await using var db = await CreateAsync(services, ct);
        var street = await db.Communities.Where(c => c.Id == communityId)
            .Select(c => new { c.StreetId, c.Street!.CourtId })
            .SingleOrDefaultAsync(ct);
        return new OrgScope(CourtId: street?.CourtId, StreetId: street?.StreetId);
    }

    public static async ValueTask<OrgScope> OfGridAsync(IServiceProvider services, int gridId, CancellationToken ct)
    {
        await using var db = await CreateAsync(services, ct);
        var street = await db.Grids.Where(g => g.Id == gridId)
            .Select(g => new { g.Community!.StreetId, g.Community.Street!.CourtId })
            .SingleOrDefaultAsync(ct);
        return new OrgScope(CourtId: street?.CourtId, StreetId: street?.StreetId, GridId: street is null ? null : gridId);
    }

    /// <summary>The street a community or a grid is in.</summary>
    public static ValueTask<OrgScope> OfStreetUnitAsync(IServiceProvider services, StreetUnitKind kind, int id, CancellationToken ct) => kind switch
    {
        StreetUnitKind.Community => OfCommunityAsync(services, id, ct),
        StreetUnitKind.Grid => OfGridAsync(services, id, ct),
        _ => ValueTask.FromResult(new OrgScope()),
    };

    /// <summary>The street a new community or grid would be in: its parent's.</summary>
    public static ValueTask<OrgScope> OfNewStreetUnitAsync(IServiceProvider services, StreetUnitKind kind, int parentId, CancellationToken ct) => kind switch
    {
        StreetUnitKind.Community => OfStreetAsync(services, parentId, ct),
        StreetUnitKind.Grid => OfCommunityAsync(services, parentId, ct),
        _ => ValueTask.FromResult(new OrgScope()),
    };

    public static async ValueTask<OrgScope> OfWorkingGroupAsync(IServiceProvider services, int workingGroupId, CancellationToken ct)
    {
        await using var db = await CreateAsync(services, ct);
        var street = await db.WorkingGroups.Where(g => g.Id == workingGroupId)
            .Select(g => new { g.StreetId, g.Street!.CourtId })
            .SingleOrDefaultAsync(ct);
        return new OrgScope(CourtId: street?.CourtId, StreetId: street?.StreetId);
    }

    private static Task<AppDbContext> CreateAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
}

/// <summary>
/// The people who work for a street's workstation: its coordinators and street officers, and the
/// grid workers of its grids. Only they may sit in the street's working groups.
/// </summary>
internal static class StreetStaff
{
    public static IQueryable<AppUser> Of(AppDbContext db, int streetId)
    {
        var streetRoleIds = db.Roles.Where(r => r.Name == Roles.Coordinator || r.Name == Roles.StreetOfficer).Select(r => r.Id);
        var gridRoleIds = db.Roles.Where(r => r.Name == Roles.GridWorker).Select(r => r.Id);
        return db.Users.Where(u =>
            (u.StreetId == streetId && db.UserRoles.Any(ur => ur.UserId == u.Id && streetRoleIds.Contains(ur.RoleId)))
            || (u.GridId != null
                && db.Grids.Any(g => g.Id == u.GridId && g.Community!.StreetId == streetId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && gridRoleIds.Contains(ur.RoleId))));
    }
}
