using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>A request about one case: reachable by its court's judges and its street's coordinators (as the roles it declares allow).</summary>
public interface ICaseRequest : IScopedRequest
{
    int CaseId { get; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var scope = await db.Cases.Where(c => c.Id == CaseId).Select(c => new OrgScope(c.CourtId, c.StreetId, null, null, null, null))
            .SingleOrDefaultAsync(cancellationToken);
        return scope ?? throw new NotFoundException($"Case {CaseId}");
    }
}
