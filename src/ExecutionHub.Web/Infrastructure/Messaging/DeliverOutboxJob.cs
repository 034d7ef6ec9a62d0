using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>
/// Sends the outbox's due messages, each through its channel, and keeps the delivery log. Safe to
/// run at any time, as often as wanted, and in parallel: each message is claimed first (an update
/// checked against its <see cref="OutboxMessage.Version"/>), so only one sender ever sends it.
/// </summary>
/// <remarks>
/// After a successful send, the Sent mark and the attempt are the very next thing saved, with no
/// cancellation. What remains is at-least-once, not exactly-once: a crash between the gateway's
/// 200 and that save leaves the message claimed; once the claim lapses it is sent again. The SMS
/// gateway receives the outbox key as its "reference" so it can drop such a repeat.
/// </remarks>
public sealed class DeliverOutboxJob(
    IDbContextFactory<AppDbContext> dbFactory,
    MessageChannelRouter channels,
    OutboxSecrets secrets,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<DeliverOutboxJob> logger)
{
    public const string RecurringJobId = "deliver-outbox";
    private const int MaxErrorLength = 1000;

    /// <summary>
    /// The Hangfire entry point. Throws after the pass when any delivery failed, so the failure
    /// shows in the dashboard's Failed list (the messages themselves are retried by the outbox on
    /// its own schedule, hence no Hangfire retry).
    /// </summary>
    [JobDisplayName("Outbox: deliver queued messages")]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pass = await DeliverDueAsync(cancellationToken);
        if (pass.Errors.Count > 0)
        {
            throw new MessageDeliveryException(
                $"{pass.Errors.Count} outbox delivery attempt(s) failed ({pass.Sent} sent, {pass.Retrying} to retry, {pass.GaveUp} given up): "
                + string.Join("; ", pass.Errors.Take(10)));
        }
    }

    /// <summary>One delivery pass over every message due now, in batches; what the recurring job runs, callable without Hangfire.</summary>
    public async Task<OutboxPassResult> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = Validated(options.Value);
        var dueBy = Now();
        var result = new OutboxPassResult();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Outbox
                .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAtUtc <= dueBy)
                .OrderBy(m => m.NextAttemptAtUtc)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return result;
            }

            foreach (var message in batch)
            {
                await DeliverAsync(db, message, settings, result, cancellationToken);
            }
        }
    }

    private async Task DeliverAsync(AppDbContext db, OutboxMessage message, MessagingOptions settings, OutboxPassResult result, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(db, message, settings, cancellationToken))
        {
            result.Skipped++;
            return;
        }

        Exception? failure = null;
        string channelName = message.Channel;
        try
        {
            var channel = channels.ChannelFor(message);
            channelName = channel.Name;
            await channel.SendAsync(channel.DeliversSecrets ? secrets.WithSecret(message) : message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: the claim lapses and a later pass tries again.
            throw;
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var at = Now();
        message.Attempts++;
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            MessageId = message.Id,
            AtUtc = at,
            Succeeded = failure is null,
            Error = failure is null ? null : Shorten(failure.Message),
        });

        if (failure is null)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAtUtc = at;
        }
        else
        {
            message.LastError = Shorten(failure.Message);
            if (message.Attempts >= settings.MaxAttempts || failure is PermanentDeliveryException)
            {
                message.Status = OutboxStatus.Failed;
            }
            else
            {
                message.NextAttemptAtUtc = at + Backoff(settings, message.Attempts);
            }
        }

        // Not cancellable: once a message went out, recording that is what keeps it from going out again.
        await db.SaveChangesAsync(CancellationToken.None);
        Report(message, channelName, failure, settings, result);
    }

    /// <summary>
    /// Moves the message's next attempt past the claim period, in an update that succeeds only if
    /// nobody changed the message since this pass read it; the loser of a race skips the message.
    /// </summary>
    private async Task<bool> ClaimAsync(AppDbContext db, OutboxMessage message, MessagingOptions settings, CancellationToken cancellationToken)
    {
        message.NextAttemptAtUtc = Now().AddSeconds(settings.ClaimSeconds);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(message).State = EntityState.Detached;
            logger.LogDebug("Outbox message {Key} is being delivered by another sender; skipped", message.Key);
            return false;
        }
    }

    /// <summary>base × 2^(attempts − 1): 30 s, 1 min, 2 min, 4 min… with the shipped settings.</summary>
    public static TimeSpan Backoff(MessagingOptions settings, int failedAttempts) =>
        TimeSpan.FromSeconds(settings.RetryBaseSeconds * Math.Pow(2, Math.Max(0, failedAttempts - 1)));

    private void Report(OutboxMessage message, string channel, Exception? failure, MessagingOptions settings, OutboxPassResult result)
    {
        var recipient = OutboxRecipient.Masked(message.Recipient);
        if (failure is null)
        {
            result.Sent++;
            logger.LogInformation("Outbox message {Key} sent to {Recipient} through {Channel} (attempt {Attempt})", message.Key, recipient, channel, message.Attempts);
            return;
        }

        // A gateway's refusal says all there is to say; anything else deserves its stack trace.
        var exception = failure is MessageDeliveryException or PermanentDeliveryException ? null : failure;
        result.Errors.Add($"{message.Key}: {failure.Message}");
        if (message.Status == OutboxStatus.Failed)
        {
            result.GaveUp++;
            logger.LogError(exception,
                "Outbox message {Key} to {Recipient} through {Channel} failed for good after {Attempts} attempts: {Error}",
                message.Key, recipient, channel, message.Attempts, failure.Message);
        }
        else
        {
            result.Retrying++;
            logger.LogWarning(exception,
                "Outbox message {Key} to {Recipient} through {Channel} failed attempt {Attempt} of {MaxAttempts}: {Error}; next try at {NextAttemptAtUtc:O}",
                message.Key, recipient, channel, message.Attempts, settings.MaxAttempts, failure.Message, message.NextAttemptAtUtc);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..(MaxErrorLength - 1)] + "…";

    private static MessagingOptions Validated(MessagingOptions settings) =>
        settings is { MaxAttempts: >= 1, RetryBaseSeconds: >= 1, BatchSize: >= 1, ClaimSeconds: >= 30 }
            ? settings
            : throw new InvalidOperationException("Messaging settings: MaxAttempts, RetryBaseSeconds and BatchSize must be at least 1, ClaimSeconds at least 30.");
}

/// <summary>What one delivery pass did.</summary>
public sealed class OutboxPassResult
{
    public int Sent { get; set; }

    /// <summary>Failed this time, to be tried again later.</summary>
    public int Retrying { get; set; }

    /// <summary>Failed for the last allowed time: now marked failed.</summary>
    public int GaveUp { get; set; }

    /// <summary>Claimed by a concurrent pass first.</summary>
    public int Skipped { get; set; }

    public List<string> Errors { get; } = [];
}
