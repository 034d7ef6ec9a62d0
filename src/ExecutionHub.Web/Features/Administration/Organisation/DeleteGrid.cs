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

/// <summary>Deletes a grid nobody works in. A street's coordinator may do this for their own street.</summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record DeleteGrid(int Id) : ICommand, IScopedRequest
{
    public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        OrgScopes.OfGridAsync(services, Id, cancellationToken);
}

public sealed class DeleteGridValidator : AbstractValidator<DeleteGrid>
{
    public DeleteGridValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer) =>
        RuleFor(x => x.Id).CustomAsync(async (id, context, ct) =>
        {
            // Disabled accounts count too: they still point at the grid.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var workers = await db.Users.CountAsync(u => u.GridId == id, ct);
            if (workers > 0)
            {
                context.AddFailure(new ValidationFailure(nameof(DeleteGrid.Id), localizer["Admin.Org.GridHasWorkers", workers]) { ErrorCode = "Admin.Org.GridHasWorkers" });
            }
        });
}

public sealed class DeleteGridHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteGrid>
{
    public async ValueTask<Unit> Handle(DeleteGrid command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grid = await db.Grids.SingleOrDefaultAsync(g => g.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"Grid {command.Id}");
        db.Grids.Remove(grid);
        db.AddAudit(me, clock, "Org.GridDeleted", $"Grid #{grid.Id}", $"{grid.Name}; community #{grid.CommunityId}");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
