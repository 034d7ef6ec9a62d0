using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Home;

/// <summary>Where the signed-in grid worker works.</summary>
[Allowed(Roles.GridWorker)]
public sealed record GetGridWorkerOverview : IQuery<GridWorkerOverview>;

public sealed record GridWorkerOverview(string GridName, string CommunityName, string StreetName);

public sealed class GetGridWorkerOverviewHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetGridWorkerOverview, GridWorkerOverview>
{
    public async ValueTask<GridWorkerOverview> Handle(GetGridWorkerOverview query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Grids.Where(g => g.Id == me.GridId)
            .Select(g => new GridWorkerOverview(g.Name, g.Community!.Name, g.Community.Street!.Name))
            .SingleOrDefaultAsync(cancellationToken) ?? new GridWorkerOverview("", "", "");
    }
}
