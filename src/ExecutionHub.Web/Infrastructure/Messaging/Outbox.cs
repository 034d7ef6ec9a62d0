using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>
/// Queues outbound messages (SMS…) for the <see cref="DeliverOutboxJob"/>. The message joins the
/// caller's unit of work, so it is saved — or not — together with the change that caused it.
/// </summary>
/// <example>
/// <code>
/// await using var db = await dbFactory.CreateDbContextAsync(ct);
/// matter.Escalate(...);
/// outbox.Enqueue(db, $"escalation:{alert.Id}:{contact.UserId}", MessageChannels.Sms, contact.Phone, text, clock.GetUtcNow().UtcDateTime);
/// await db.SaveChangesAsync(ct);
/// </code>
/// </example>
public interface IOutbox
{
    /// <summary>
    /// Adds a message to <paramref name="db"/> (it is not saved here: the caller's SaveChanges does it).
    /// </summary>
    /// <param name="key">
    /// Unique per thing that caused the message (e.g. <c>alert:42:user-7</c>, at most 150 characters):
    /// a retried or restarted producer passing the same key does not queue a second message.
    /// </param>
    /// <param name="channel">A <see cref="MessageChannels"/> name.</param>
    /// <param name="recipient">What the channel addresses: a phone number for SMS.</param>
    /// <param name="body">The text, at most 4,000 characters.</param>
    /// <param name="nowUtc">The producer's clock (TimeProvider) in UTC; the message is due from then.</param>
    /// <returns>
    /// False when a message with the key already exists (saved, or added earlier to this same
    /// context); nothing is added then. Two producers racing with the same key both get true, and
    /// the second SaveChanges fails on the unique index on the key (a DbUpdateException).
    /// </returns>
    bool Enqueue(AppDbContext db, string key, string channel, string recipient, string body, DateTime nowUtc);

    /// <summary>
    /// Queues a message carrying a one-time secret: <paramref name="body"/> holds
    /// <see cref="OutboxMessage.SecretPlaceholder"/> where the secret goes; the secret is stored
    /// encrypted and put in only when a channel that delivers to the recipient sends it.
    /// </summary>
    /// <remarks>Protect the secret with <see cref="OutboxSecrets.Protect"/> before opening a transaction: the first protection may write a new key to the database.</remarks>
    bool EnqueueWithSecret(AppDbContext db, string key, string channel, string recipient, string body, ProtectedSecret secret, DateTime nowUtc);
}

public sealed class Outbox(MessageChannelRouter channels) : IOutbox
{
    public const int MaxKeyLength = 150;
    public const int MaxRecipientLength = 200;
    public const int MaxBodyLength = 4000;

    public bool Enqueue(AppDbContext db, string key, string channel, string recipient, string body, DateTime nowUtc) =>
        Add(db, key, channel, recipient, body, null, nowUtc);

    public bool EnqueueWithSecret(AppDbContext db, string key, string channel, string recipient, string body, ProtectedSecret secret, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret.Value);
        if (body is null || !body.Contains(OutboxMessage.SecretPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The text must hold {OutboxMessage.SecretPlaceholder} where the secret goes.", nameof(body));
        }

        return Add(db, key, channel, recipient, body, secret.Value, nowUtc);
    }

    private bool Add(AppDbContext db, string key, string channel, string recipient, string body, string? protectedSecret, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength, nameof(key));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recipient.Length, MaxRecipientLength, nameof(recipient));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(body.Length, MaxBodyLength, nameof(body));
        if (!channels.Exists(channel))
        {
            throw new ArgumentException($"No message channel is named \"{channel}\".", nameof(channel));
        }

        if (nowUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The time must be UTC.", nameof(nowUtc));
        }

        if (db.Outbox.Local.Any(m => m.Key == key) || db.Outbox.Any(m => m.Key == key))
        {
            return false;
        }

        db.Outbox.Add(new OutboxMessage
        {
            Key = key,
            Channel = channel,
            Recipient = recipient,
            Body = body,
            ProtectedSecret = protectedSecret,
            Status = OutboxStatus.Queued,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        });
        return true;
    }
}
