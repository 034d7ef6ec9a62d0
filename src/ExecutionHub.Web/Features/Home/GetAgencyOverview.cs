using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Home;

/// <summary>The partner agent's agency.</summary>
[Allowed(Roles.PartnerAgent)]
public sealed record GetAgencyOverview : IQuery<AgencyOverview>;

public sealed record AgencyOverview(string AgencyName, PartnerAgencyKind Kind);

public sealed class GetAgencyOverviewHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetAgencyOverview, AgencyOverview>
{
    public async ValueTask<AgencyOverview> Handle(GetAgencyOverview query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PartnerAgencies.Where(a => a.Id == me.AgencyId)
            .Select(a => new AgencyOverview(a.Name, a.Kind))
            .SingleOrDefaultAsync(cancellationToken) ?? new AgencyOverview("", PartnerAgencyKind.Other);
    }
}
