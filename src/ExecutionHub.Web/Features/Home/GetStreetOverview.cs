using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Home;

/// <summary>A street officer's aggregate view of their street: counts and amounts only, never a person.</summary>
[Allowed(Roles.StreetOfficer)]
public sealed record GetStreetOverview : IQuery<StreetOverview>;

public sealed record StreetOverview(string StreetName, SuppressedCount Cases, SuppressedCount InExecution, decimal AmountOwed, decimal AmountRecovered);

public sealed class GetStreetOverviewHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetStreetOverview, StreetOverview>
{
    public async ValueTask<StreetOverview> Handle(GetStreetOverview query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var streetName = await db.Streets.Where(s => s.Id == me.StreetId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var cases = db.Cases.Where(c => c.StreetId == me.StreetId);
        var total = await cases.CountAsync(cancellationToken);
        var suppressed = total < SuppressedCount.Threshold;
        return new StreetOverview(
            streetName,
            new SuppressedCount(total),
            new SuppressedCount(await cases.CountAsync(c => c.Status == CaseStatus.InExecution, cancellationToken)),
            suppressed ? 0 : await cases.SumAsync(c => c.AmountOwed, cancellationToken),
            suppressed ? 0 : await cases.SumAsync(c => c.AmountRecovered, cancellationToken));
    }
}
