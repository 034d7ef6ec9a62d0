namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>A way out of the system for an outbox message.</summary>
public interface IMessageChannel
{
    /// <summary>The name producers pass to <see cref="IOutbox.Enqueue"/>, stored on the message.</summary>
    string Name { get; }

    /// <summary>False when the channel lacks its settings (a gateway without a URL); its messages then go to the default channel.</summary>
    bool IsConfigured => true;

    /// <summary>
    /// True when the channel hands the text to its recipient (an SMS gateway), so a one-time secret is
    /// put in; false for a channel that only records it (the log), which gets the placeholder.
    /// </summary>
    bool DeliversSecrets => true;

    /// <summary>Delivers the message, or throws: any exception is a failed attempt that will be retried.</summary>
    Task SendAsync(Domain.OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>The channel names producers may use.</summary>
public static class MessageChannels
{
    public const string Log = "log";
    public const string Sms = "sms";
    public const string Webhook = "webhook";
}

/// <summary>Finds the channel a message asked for, or the default one when that channel is not set up.</summary>
public sealed class MessageChannelRouter(IEnumerable<IMessageChannel> channels, Microsoft.Extensions.Options.IOptions<MessagingOptions> options, ILogger<MessageChannelRouter> logger)
{
    private readonly Dictionary<string, IMessageChannel> byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public bool Exists(string name) => byName.ContainsKey(name);

    public IMessageChannel ChannelFor(Domain.OutboxMessage message)
    {
        if (!byName.TryGetValue(message.Channel, out var requested))
        {
            throw new InvalidOperationException($"No message channel is named \"{message.Channel}\".");
        }

        if (requested.IsConfigured)
        {
            return requested;
        }

        var fallback = options.Value.DefaultChannel;
        if (!byName.TryGetValue(fallback, out var channel) || !channel.IsConfigured)
        {
            throw new InvalidOperationException($"Channel \"{message.Channel}\" is not configured and the default channel \"{fallback}\" is not available.");
        }

        logger.LogInformation(
            "Channel {Channel} is not configured; outbox message {Key} goes to the {DefaultChannel} channel instead",
            message.Channel, message.Key, channel.Name);
        return channel;
    }
}
