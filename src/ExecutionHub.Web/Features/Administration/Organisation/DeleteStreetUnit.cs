using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Organisation;

/// <summary>
/// Deletes a community with no grids and no cases, or a grid nobody works in. A street's coordinator
/// may do this for their own street; an administrator for any.
/// </summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record DeleteStreetUnit([property: FieldLabel("Field.StreetUnitKind")] StreetUnitKind Kind, int Id) : ICommand, IScopedRequest
{
    public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        OrgScopes.OfStreetUnitAsync(services, Kind, Id, cancellationToken);
}

public sealed class DeleteStreetUnitValidator : AbstractValidator<DeleteStreetUnit>
{
    public DeleteStreetUnitValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Id).CustomAsync(async (id, context, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var (key, count) in await StillInUseAsync(db, context.InstanceToValidate.Kind, id, ct))
            {
                if (count > 0)
                {
                    context.AddFailure(new ValidationFailure(nameof(DeleteStreetUnit.Id), localizer[key, count]) { ErrorCode = key });
                }
            }
        });
    }

    /// <summary>What still points at the unit, each with the message that says so; a unit goes only when nothing does.</summary>
    private static async Task<IReadOnlyList<(string Key, int Count)>> StillInUseAsync(AppDbContext db, StreetUnitKind kind, int id, CancellationToken ct) => kind switch
    {
        StreetUnitKind.Community =>
        [
            ("Admin.Org.CommunityHasGrids", await db.Grids.CountAsync(g => g.CommunityId == id, ct)),

            // Street statistics count cases by community; deleting it would lose them.
            ("Admin.Org.CommunityHasCases", await db.Cases.CountAsync(c => c.CommunityId == id, ct)),
        ],

        // Disabled accounts count too: they still point at the grid.
        StreetUnitKind.Grid => [("Admin.Org.GridHasWorkers", await db.Users.CountAsync(u => u.GridId == id, ct))],
        _ => [],
    };
}

public sealed class DeleteStreetUnitHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteStreetUnit>
{
    public async ValueTask<Unit> Handle(DeleteStreetUnit command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await StreetUnits.FindAsync(db, command.Kind, command.Id, cancellationToken)
            ?? throw new NotFoundException($"{command.Kind} {command.Id}");
        db.Remove(unit);
        db.AddAudit(me, clock, $"Org.{command.Kind}Deleted", $"{command.Kind} #{unit.Id}", $"{unit.Name}; {StreetUnits.ParentOf(command.Kind).ToLowerInvariant()} #{unit.ParentId}");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
