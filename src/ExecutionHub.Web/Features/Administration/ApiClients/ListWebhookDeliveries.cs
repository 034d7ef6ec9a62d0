using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api.Webhooks;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>A client's webhook settings and its latest delivery attempts, newest first.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListWebhookDeliveries(int ClientId, int Take = 50) : IQuery<WebhookDeliveries>;

public sealed record WebhookDeliveries(string? Url, DateTime? SecretIssuedAtUtc, int Queued, int Failed, IReadOnlyList<WebhookDeliveryRow> Attempts);

public sealed record WebhookDeliveryRow(long AttemptId, DateTime AtUtc, string EventKey, bool Succeeded, string? Error, OutboxStatus MessageStatus);

public sealed class ListWebhookDeliveriesHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<ListWebhookDeliveries, WebhookDeliveries>
{
    public async ValueTask<WebhookDeliveries> Handle(ListWebhookDeliveries query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.ApiClients.AsNoTracking().Where(c => c.Id == query.ClientId)
            .Select(c => new { c.WebhookUrl, c.WebhookSecretIssuedAtUtc }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"ApiClient {query.ClientId}");
        var recipient = WebhookEvents.RecipientOf(query.ClientId);
        var messages = db.Outbox.AsNoTracking().Where(m => m.Channel == ExecutionHub.Web.Infrastructure.Messaging.MessageChannels.Webhook && m.Recipient == recipient);
        var queued = await messages.CountAsync(m => m.Status == OutboxStatus.Queued, cancellationToken);
        var failed = await messages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var attempts = await db.DeliveryAttempts.AsNoTracking()
            .Join(messages, a => a.MessageId, m => m.Id, (a, m) => new { a.Id, a.AtUtc, m.Key, a.Succeeded, a.Error, m.Status })
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(query.Take, 1, 200))
            .ToListAsync(cancellationToken);
        return new WebhookDeliveries(client.WebhookUrl, client.WebhookSecretIssuedAtUtc, queued, failed,
            attempts.Select(a => new WebhookDeliveryRow(a.Id, a.AtUtc, a.Key, a.Succeeded, a.Error, a.Status)).ToList());
    }
}
