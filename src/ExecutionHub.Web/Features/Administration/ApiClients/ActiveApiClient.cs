using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

internal static class ActiveApiClient
{
    /// <summary>The client an administrator changes, tracked: unknown is "not found", and a revoked client stays as it was.</summary>
    public static async Task<ApiClient> LoadAsync(AppDbContext db, int clientId, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken)
            ?? throw new NotFoundException($"ApiClient {clientId}");
        return client.IsRevoked ? throw new DomainRuleException("Admin.ApiClients.AlreadyRevoked") : client;
    }
}
