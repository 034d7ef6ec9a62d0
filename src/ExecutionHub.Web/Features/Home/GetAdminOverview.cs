using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Home;

[Allowed(Roles.Administrator)]
public sealed record GetAdminOverview : IQuery<AdminOverview>;

public sealed record AdminOverview(int Courts, int Streets, int Communities, int Grids, int Users, int DisabledUsers, int Cases, int Matters);

public sealed class GetAdminOverviewHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetAdminOverview, AdminOverview>
{
    public async ValueTask<AdminOverview> Handle(GetAdminOverview query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new AdminOverview(
            await db.Courts.CountAsync(cancellationToken),
            await db.Streets.CountAsync(cancellationToken),
            await db.Communities.CountAsync(cancellationToken),
            await db.Grids.CountAsync(cancellationToken),
            await db.Users.CountAsync(cancellationToken),
            await db.Users.CountAsync(u => u.IsDisabled, cancellationToken),
            await db.Cases.CountAsync(cancellationToken),
            await db.Matters.CountAsync(cancellationToken));
    }
}
