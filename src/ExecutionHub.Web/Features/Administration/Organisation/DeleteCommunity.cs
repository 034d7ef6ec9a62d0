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

/// <summary>Deletes a community with no grids and no cases. A street's coordinator may do this for their own street.</summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record DeleteCommunity(int Id) : ICommand, IScopedRequest
{
    public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        OrgScopes.OfCommunityAsync(services, Id, cancellationToken);
}

public sealed class DeleteCommunityValidator : AbstractValidator<DeleteCommunity>
{
    public DeleteCommunityValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer) =>
        RuleFor(x => x.Id).CustomAsync(async (id, context, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var grids = await db.Grids.CountAsync(g => g.CommunityId == id, ct);
            if (grids > 0)
            {
                context.AddFailure(new ValidationFailure(nameof(DeleteCommunity.Id), localizer["Admin.Org.CommunityHasGrids", grids]) { ErrorCode = "Admin.Org.CommunityHasGrids" });
            }

            // Street statistics count cases by community; deleting it would lose them.
            var cases = await db.Cases.CountAsync(c => c.CommunityId == id, ct);
            if (cases > 0)
            {
                context.AddFailure(new ValidationFailure(nameof(DeleteCommunity.Id), localizer["Admin.Org.CommunityHasCases", cases]) { ErrorCode = "Admin.Org.CommunityHasCases" });
            }
        });
}

public sealed class DeleteCommunityHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteCommunity>
{
    public async ValueTask<Unit> Handle(DeleteCommunity command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var community = await db.Communities.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"Community {command.Id}");
        db.Communities.Remove(community);
        db.AddAudit(me, clock, "Org.CommunityDeleted", $"Community #{community.Id}", $"{community.Name}; street #{community.StreetId}");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
