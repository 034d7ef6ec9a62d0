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

/// <summary>Creates a community (residents' committee) in a street, or renames one. A street's coordinator may do this for their own street.</summary>
[Allowed(Roles.Administrator, Roles.Coordinator)]
public sealed record SaveCommunity : ICommand<int>, IOrgUnitForm, IScopedRequest
{
    public int? Id { get; init; }

    public int StreetId { get; init; }

    public string Name { get; set; } = "";

    /// <summary>A rename is scoped by where the community really is, not by the street the sender names.</summary>
    public ValueTask<OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Id is { } id ? OrgScopes.OfCommunityAsync(services, id, cancellationToken) : OrgScopes.OfStreetAsync(services, StreetId, cancellationToken);
}

public sealed class SaveCommunityValidator : AbstractValidator<SaveCommunity>
{
    public SaveCommunityValidator(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> localizer) =>
        RuleFor(x => x.Name).UnitName(localizer, "Admin.Org.DuplicateCommunityName", async (command, name, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Communities.AnyAsync(c => c.StreetId == command.StreetId && c.Name == name && c.Id != command.Id, ct);
        });
}

public sealed class SaveCommunityHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveCommunity, int>
{
    public async ValueTask<int> Handle(SaveCommunity command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var name = command.Name.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.Id is null)
        {
            if (!await db.Streets.AnyAsync(s => s.Id == command.StreetId, cancellationToken))
            {
                throw new NotFoundException($"Street {command.StreetId}");
            }

            var created = new Community { Name = name, StreetId = command.StreetId };
            db.Communities.Add(created);
            db.AddAudit(me, clock, "Org.CommunityCreated", $"Community {name}", $"street #{command.StreetId}");
            await db.SaveChangesAsync(cancellationToken);
            return created.Id;
        }

        var community = await db.Communities.SingleOrDefaultAsync(c => c.Id == command.Id && c.StreetId == command.StreetId, cancellationToken)
            ?? throw new NotFoundException($"Community {command.Id}");
        if (community.Name != name)
        {
            db.AddAudit(me, clock, "Org.CommunityRenamed", $"Community #{community.Id}", $"{community.Name} → {name}");
            community.Name = name;
            await db.SaveChangesAsync(cancellationToken);
        }

        return community.Id;
    }
}
