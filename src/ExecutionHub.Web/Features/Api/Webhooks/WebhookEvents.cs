using System.Text.Json;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api.Webhooks;

/// <summary>What the outbox holds for a webhook: which event, of which matter; the payload is composed when sent.</summary>
public sealed record WebhookEnvelope(Guid EventId, string Type, DateTime OccurredAtUtc, int MatterId);

/// <summary>
/// Queues the webhook events of a client's matters into the outbox, inside the caller's unit of
/// work, so the event is saved with the change that caused it or not at all.
/// </summary>
public sealed class WebhookEvents(IOutbox outbox)
{
    public const string MatterFedBack = "matter.fed_back";

    /// <summary>The outbox recipient of a client's webhooks: the URL itself is read when sending, so a changed URL applies to events already queued.</summary>
    public static string RecipientOf(int clientId) => $"api-client:{clientId}";

    public static int? ClientIdOf(string recipient) =>
        recipient.StartsWith("api-client:", StringComparison.Ordinal) && int.TryParse(recipient["api-client:".Length..], out var id) ? id : null;

    /// <summary>
    /// Queues <c>matter.fed_back</c> when the matter was referred by a client that has a webhook and
    /// is not revoked. Every feedback is an event (also one after the judge sent the matter back for
    /// more work), keyed by the matter's version at that feedback, so a re-run queues nothing more.
    /// </summary>
    /// <param name="feedbackVersion">The matter's version the feedback was applied to (before the save).</param>
    public async Task<bool> QueueFedBackAsync(AppDbContext db, Matter matter, int feedbackVersion, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (matter.ApiClientId is not { } clientId)
        {
            return false;
        }

        var subscribed = await db.ApiClients.AnyAsync(c => c.Id == clientId && c.WebhookUrl != null && c.RevokedAtUtc == null, cancellationToken);
        if (!subscribed)
        {
            return false;
        }

        var envelope = new WebhookEnvelope(Guid.NewGuid(), MatterFedBack, nowUtc, matter.Id);
        return outbox.Enqueue(db, $"webhook:{MatterFedBack}:{matter.Id}:{feedbackVersion}", MessageChannels.Webhook, RecipientOf(clientId),
            JsonSerializer.Serialize(envelope, ApiProblems.Json), nowUtc);
    }
}
