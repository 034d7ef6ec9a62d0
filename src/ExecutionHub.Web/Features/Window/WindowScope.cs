using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>A request about one window visit: reachable by the coordinators of the street where it was received.</summary>
public interface IWindowVisitRequest : IScopedRequest
{
    int VisitId { get; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var streetId = await db.WindowVisits.Where(v => v.Id == VisitId).Select(v => (int?)v.StreetId).SingleOrDefaultAsync(cancellationToken);
        return new OrgScope(StreetId: streetId ?? throw new NotFoundException($"Window visit {VisitId}"));
    }
}

/// <summary>A request about a street's window as a whole (its log, its figures): reachable by that street's coordinators.</summary>
public interface IStreetWindowRequest : IScopedRequest
{
    int StreetId { get; }

    ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new OrgScope(StreetId: StreetId));
}
