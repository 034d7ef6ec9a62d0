using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api.Webhooks;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>
/// Issues a new webhook signing secret (shown once); every delivery from now on, queued events
/// included, is signed with it and the old one signs nothing more.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record RotateWebhookSecret(int ClientId) : ICommand<IssuedWebhookSecret>;

public sealed class RotateWebhookSecretHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, WebhookSecretProtector secrets, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecret, IssuedWebhookSecret>
{
    public async ValueTask<IssuedWebhookSecret> Handle(RotateWebhookSecret command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await ActiveApiClient.LoadAsync(db, command.ClientId, cancellationToken);

        if (client.WebhookUrl is null)
        {
            throw new DomainRuleException("Admin.ApiClients.NoWebhook");
        }

        var secret = WebhookSigning.NewSecret();
        client.WebhookSecretProtected = secrets.Protect(secret);
        client.WebhookSecretIssuedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.AddAudit(me, clock, "ApiClient.RotateWebhookSecret", $"ApiClient:{client.Id}", client.Name);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedWebhookSecret(client.Id, secret);
    }
}
