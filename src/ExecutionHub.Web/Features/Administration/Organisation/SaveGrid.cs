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

/// <summary>Creates a grid in a community, or renames one. A street's coordinator may do this for their own street.</summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record SaveGrid : ICommand<int>, IOrgUnitForm, IScopedRequest
{
    public int? Id { get; init; }

    public int CommunityId { get; init; }

    public string Name { get; set; } = "";

    /// <summary>A rename is scoped by where the grid really is, not by the community the sender names.</summary>
    public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Id is { } id ? OrgScopes.OfGridAsync(services, id, cancellationToken) : OrgScopes.OfCommunityAsync(services, CommunityId, cancellationToken);
}

public sealed class SaveGridValidator : AbstractValidator<SaveGrid>
{
    public SaveGridValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer) =>
        RuleFor(x => x.Name).UnitName(localizer, "Admin.Org.DuplicateGridName", async (command, name, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Grids.AnyAsync(g => g.CommunityId == command.CommunityId && g.Name == name && g.Id != command.Id, ct);
        });
}

public sealed class SaveGridHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveGrid, int>
{
    public async ValueTask<int> Handle(SaveGrid command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var name = command.Name.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.Id is null)
        {
            if (!await db.Communities.AnyAsync(c => c.Id == command.CommunityId, cancellationToken))
            {
                throw new NotFoundException($"Community {command.CommunityId}");
            }

            var created = new Grid { Name = name, CommunityId = command.CommunityId };
            db.Grids.Add(created);
            db.AddAudit(me, clock, "Org.GridCreated", $"Grid {name}", $"community #{command.CommunityId}");
            await db.SaveChangesAsync(cancellationToken);
            return created.Id;
        }

        var grid = await db.Grids.SingleOrDefaultAsync(g => g.Id == command.Id && g.CommunityId == command.CommunityId, cancellationToken)
            ?? throw new NotFoundException($"Grid {command.Id}");
        if (grid.Name != name)
        {
            db.AddAudit(me, clock, "Org.GridRenamed", $"Grid #{grid.Id}", $"{grid.Name} → {name}");
            grid.Name = name;
            await db.SaveChangesAsync(cancellationToken);
        }

        return grid.Id;
    }
}
