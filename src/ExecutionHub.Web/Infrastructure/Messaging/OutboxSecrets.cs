using ExecutionHub.Web.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>A secret already encrypted by <see cref="OutboxSecrets.Protect"/>, the only form <see cref="IOutbox.EnqueueWithSecret"/> takes.</summary>
public readonly record struct ProtectedSecret(string Value);

/// <summary>
/// Keeps a message's one-time secret encrypted at rest (the app's data-protection keys, shared by
/// every node) and puts it into the text only on its way to a channel that delivers it.
/// </summary>
public sealed class OutboxSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("ExecutionHub.Outbox.Secret.v1");

    /// <summary>Call it before opening a transaction: the very first protection creates and stores the app's key.</summary>
    public ProtectedSecret Protect(string secret) => new(protector.Protect(secret));

    /// <summary>The text with its secret in place, as a copy the context does not track (the stored row keeps the placeholder).</summary>
    public OutboxMessage WithSecret(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ProtectedSecret is null)
        {
            return message;
        }

        var at = message.Body.IndexOf(OutboxMessage.SecretPlaceholder, StringComparison.Ordinal);
        var body = at < 0
            ? message.Body
            : string.Concat(message.Body.AsSpan(0, at), protector.Unprotect(message.ProtectedSecret), message.Body.AsSpan(at + OutboxMessage.SecretPlaceholder.Length));
        return new OutboxMessage
        {
            Id = message.Id,
            Key = message.Key,
            Channel = message.Channel,
            Recipient = message.Recipient,
            Body = body,
            Status = message.Status,
            Attempts = message.Attempts,
            CreatedAtUtc = message.CreatedAtUtc,
            NextAttemptAtUtc = message.NextAttemptAtUtc,
            SentAtUtc = message.SentAtUtc,
            LastError = message.LastError,
            Version = message.Version,
        };
    }
}
