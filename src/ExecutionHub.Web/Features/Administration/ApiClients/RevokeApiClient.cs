using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>
/// Revokes a client: its key is refused from the next call on, for good. The client's row, its
/// call log and the matters it referred stay, so history keeps naming it.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record RevokeApiClient(int ClientId) : ICommand;

public sealed class RevokeApiClientHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokeApiClient>
{
    public async ValueTask<Unit> Handle(RevokeApiClient command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken)
            ?? throw new NotFoundException($"ApiClient {command.ClientId}");
        if (client.IsRevoked)
        {
            return Unit.Value;
        }

        client.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.AddAudit(me, clock, "ApiClient.Revoke", $"ApiClient:{client.Id}", client.Name);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
