using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>Issues a new key (shown once); the old one stops working at once. A revoked client stays revoked.</summary>
[Allowed(Roles.Administrator)]
public sealed record RotateApiClientKey(int ClientId) : ICommand<IssuedApiKey>;

public sealed class RotateApiClientKeyHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RotateApiClientKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(RotateApiClientKey command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await ActiveApiClient.LoadAsync(db, command.ClientId, cancellationToken);

        var key = ApiKeys.Generate();
        var oldPrefix = client.KeyPrefix;
        client.KeyHash = key.Hash;
        client.KeyPrefix = key.Prefix;
        client.KeyRotatedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.AddAudit(me, clock, "ApiClient.RotateKey", $"ApiClient:{client.Id}", $"{client.Name} · {oldPrefix} → {key.Prefix}");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(client.Id, key.Key, key.Prefix);
    }
}
