using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>
/// The embedded default: "delivers" a message by writing it to the application log, so a
/// stand-alone install and the demo work without any outside service.
/// </summary>
public sealed class LogChannel(ILogger<LogChannel> logger) : IMessageChannel
{
    public string Name => MessageChannels.Log;

    /// <summary>A log is read by operators, not by the recipient: a progress code stays ******.</summary>
    public bool DeliversSecrets => false;

    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // The body is the point of this channel; the recipient is masked like everywhere else it is shown.
        logger.LogInformation(
            "Message {Key} for {Recipient} (asked for channel {Channel}): {Body}",
            message.Key, OutboxRecipient.Masked(message.Recipient), message.Channel, message.Body);
        return Task.CompletedTask;
    }
}
