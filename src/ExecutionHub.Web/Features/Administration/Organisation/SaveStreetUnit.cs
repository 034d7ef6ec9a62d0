using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Organisation;

/// <summary>
/// Creates a community (residents' committee) in a street or a grid in a community, or renames one; a community's
/// code (<see cref="OrgCodes"/>) is set with it, or cleared when blank (grids have none).
/// A street's coordinator may do this for their own street; an administrator for any.
/// </summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record SaveStreetUnit : ICommand<int>, IOrgUnitForm, IScopedRequest
{
    [FieldLabel("Field.StreetUnitKind")]
    public StreetUnitKind Kind { get; init; }

    public int? Id { get; init; }

    /// <summary>Where the unit is: the street of a community, the community of a grid.</summary>
    public int ParentId { get; init; }

    public string Name { get; set; } = "";

    /// <summary>A community's code for other systems: its 12-digit division code, else one made up; blank for none. Grids have none.</summary>
    [FieldLabel("Admin.Org.Field.Code")]
    public string? Code { get; set; }

    /// <summary>A rename is scoped by where the unit really is, not by the parent the sender names.</summary>
    public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Id is { } id ? OrgScopes.OfStreetUnitAsync(services, Kind, id, cancellationToken) : OrgScopes.OfNewStreetUnitAsync(services, Kind, ParentId, cancellationToken);
}

public sealed class SaveStreetUnitValidator : AbstractValidator<SaveStreetUnit>
{
    public SaveStreetUnitValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Name).UnitName(localizer, "Admin.Org.DuplicateCommunityName", IsTakenAsync).When(x => x.Kind == StreetUnitKind.Community);
        RuleFor(x => x.Name).UnitName(localizer, "Admin.Org.DuplicateGridName", IsTakenAsync).When(x => x.Kind == StreetUnitKind.Grid);
        RuleFor(x => x.Name).MaximumLength(OrgUnitNameRules.MaxLength).WithName(_ => localizer["Admin.Org.Field.Name"])
            .When(x => x.Kind is not (StreetUnitKind.Community or StreetUnitKind.Grid));
        RuleFor(x => x.Code).UnitCode(localizer, OrgCodes.IsCommunityCode, "Admin.Org.CommunityCodeFormat", "Admin.Org.DuplicateCommunityCode", async (command, code, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Communities.AnyAsync(c => c.StreetId == command.ParentId && c.Code == code && c.Id != command.Id, ct);
            })
            .When(x => x.Kind == StreetUnitKind.Community);
        RuleFor(x => x.Code).MustAsync(async (command, code, ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var streetCode = await db.Streets.Where(s => s.Id == command.ParentId).Select(s => s.Code).SingleOrDefaultAsync(ct);
                return OrgCodes.FitsStreet(OrgCodes.Normalise(code), streetCode);
            })
            .WithMessage(_ => localizer["Admin.Org.CommunityCodeOutsideStreet"])
            .WithErrorCode("Admin.Org.CommunityCodeOutsideStreet")
            .WithName(_ => localizer["Admin.Org.Field.Code"])
            .When(x => x.Kind == StreetUnitKind.Community && !string.IsNullOrWhiteSpace(x.Code) && OrgCodes.IsCommunityCode(x.Code.Trim()));
        RuleFor(x => x.Code).Empty().When(x => x.Kind != StreetUnitKind.Community).WithName(_ => localizer["Admin.Org.Field.Code"]);

        async Task<bool> IsTakenAsync(SaveStreetUnit command, string name, CancellationToken ct)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await StreetUnits.IsNameTakenAsync(db, command.Kind, command.ParentId, name, command.Id, ct);
        }
    }
}

public sealed class SaveStreetUnitHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveStreetUnit, int>
{
    public async ValueTask<int> Handle(SaveStreetUnit command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var name = command.Name.Trim();
        var code = OrgCodes.Normalise(command.Code);
        var kind = command.Kind;
        var parent = StreetUnits.ParentOf(kind);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.Id is null)
        {
            if (!await StreetUnits.ParentExistsAsync(db, kind, command.ParentId, cancellationToken))
            {
                throw new NotFoundException($"{parent} {command.ParentId}");
            }

            var created = StreetUnits.Add(db, kind, name, command.ParentId);
            if (created is Community community)
            {
                community.Code = code;
            }

            db.AddAudit(me, clock, $"Org.{kind}Created", $"{kind} {name}", $"{parent.ToLowerInvariant()} #{command.ParentId}" + (code is null ? "" : $"; code {code}"));
            await db.SaveChangesAsync(cancellationToken);
            return created.Id;
        }

        var unit = await StreetUnits.FindAsync(db, kind, command.Id.Value, cancellationToken);
        if (unit is null || unit.ParentId != command.ParentId)
        {
            throw new NotFoundException($"{kind} {command.Id}");
        }

        if (unit.Name != name)
        {
            db.AddAudit(me, clock, $"Org.{kind}Renamed", $"{kind} #{unit.Id}", $"{unit.Name} → {name}");
            unit.Name = name;
        }

        if (unit is Community existing && existing.Code != code)
        {
            // Other systems may hold the old code: the audit line says when it stopped naming this community.
            db.AddAudit(me, clock, "Org.CommunityCodeSet", $"{kind} #{unit.Id}", $"{existing.Code ?? "-"} → {code ?? "-"}");
            existing.Code = code;
        }

        await db.SaveChangesAsync(cancellationToken);

        return unit.Id;
    }
}
