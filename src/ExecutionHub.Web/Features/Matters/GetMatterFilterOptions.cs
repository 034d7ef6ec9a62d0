using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>Choices for the matter list's street and assignee filters, within the sender's scope.</summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetMatterFilterOptions : IQuery<MatterFilterOptions>;

public sealed record MatterFilterOptions(IReadOnlyList<Choice> Streets, IReadOnlyList<Choice> Assignees, IReadOnlyList<Choice>? Groups = null);

public sealed class GetMatterFilterOptionsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetMatterFilterOptions, MatterFilterOptions>
{
    public async ValueTask<MatterFilterOptions> Handle(GetMatterFilterOptions query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var streets = me.IsInRole(Roles.Judge)
            ? db.Streets.Where(s => s.CourtId == me.CourtId)
            : db.Streets.Where(s => s.Id == me.StreetId);
        var streetIds = await streets.Select(s => s.Id).ToListAsync(cancellationToken);
        var streetChoices = await streets.OrderBy(s => s.Id).Select(s => new Choice(s.Id.ToString(), s.Name)).ToListAsync(cancellationToken);
        var workers = await db.Users
            .Where(u => u.GridId != null && streetIds.Contains(u.Grid!.Community!.StreetId))
            .OrderBy(u => u.Grid!.Name).ThenBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName + " · " + u.Grid!.Name))
            .ToListAsync(cancellationToken);
        var groups = await db.WorkingGroups.Where(g => streetIds.Contains(g.StreetId))
            .OrderBy(g => g.StreetId).ThenBy(g => g.Kind)
            .Select(g => new Choice(g.Id.ToString(), streetIds.Count > 1 ? g.Street!.Name + " · " + g.Name : g.Name))
            .ToListAsync(cancellationToken);
        return new MatterFilterOptions(streetChoices, workers, groups);
    }
}
