namespace ExecutionHub.Web.Domain;

public enum OutboxStatus
{
    Queued = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// A message waiting to leave the system (SMS, webhook…). <see cref="Key"/> is unique per thing
/// that caused it, so a retried or restarted producer cannot queue it twice; the sender marks it
/// sent in the same transaction that records the successful attempt.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Body { get; set; }

    /// <summary>
    /// A one-time secret the text carries (a progress code), encrypted with the app's data-protection
    /// keys; <see cref="Body"/> then holds <see cref="SecretPlaceholder"/> where it goes, so neither the
    /// table nor a log shows it. Null for every other message.
    /// </summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>What <see cref="Body"/> shows in place of the secret.</summary>
    public const string SecretPlaceholder = "******";
    public OutboxStatus Status { get; set; } = OutboxStatus.Queued;
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>Optimistic concurrency: two senders cannot both claim the same message.</summary>
    public int Version { get; set; }
}

/// <summary>One try to deliver an outbox message, kept as the delivery log.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public DateTime AtUtc { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
}
