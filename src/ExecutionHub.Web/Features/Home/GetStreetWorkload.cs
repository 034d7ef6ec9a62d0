using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Features.Matters;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Home;

/// <summary>The coordinator's street: open matters, those due within a day, those overdue, the latest received.</summary>
[Allowed(Roles.Coordinator)]
public sealed record GetStreetWorkload : IQuery<StreetWorkload>;

public sealed record StreetWorkload(string StreetName, int OpenMatters, int DueWithinDay, int Overdue, int Cases, IReadOnlyList<MatterSummary> RecentMatters);

public sealed class GetStreetWorkloadHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetStreetWorkload, StreetWorkload>
{
    public async ValueTask<StreetWorkload> Handle(GetStreetWorkload query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAhead = now.AddHours(24);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var streetName = await db.Streets.Where(s => s.Id == me.StreetId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var open = db.Matters.Where(m => m.StreetId == me.StreetId).Open();
        var recent = await db.Matters.Where(m => m.StreetId == me.StreetId).LatestAsync(8, cancellationToken);
        return new StreetWorkload(
            streetName,
            await open.CountAsync(cancellationToken),
            await open.CountAsync(m => m.DueAtUtc >= now && m.DueAtUtc < dayAhead, cancellationToken),
            await open.CountAsync(m => m.DueAtUtc < now, cancellationToken),
            await db.Cases.CountAsync(c => c.StreetId == me.StreetId, cancellationToken),
            recent);
    }
}
