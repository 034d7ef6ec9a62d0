namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>The "Messaging" section of appsettings.json.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// Where a message goes when the channel it asked for is not set up (e.g. "sms" without a gateway
    /// URL): the log channel, so an embedded install works with no outside service.
    /// </summary>
    public string DefaultChannel { get; set; } = MessageChannels.Log;

    public SmsGatewayOptions Sms { get; set; } = new();

    /// <summary>Tries per message, the first included; after the last failed one the message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first failure; doubles after each further one (30 s, 1 min, 2 min…).</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>Messages claimed per database round trip.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claimed message is kept from other senders. Far longer than one send (the
    /// gateway timeout is 10 s), so a claim only lapses when its sender died mid-send.
    /// </summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>How long a client's webhook URL may take to answer before the attempt counts as failed.</summary>
    public int WebhookTimeoutSeconds { get; set; } = 10;
}

public sealed class SmsGatewayOptions
{
    /// <summary>The gateway's endpoint for a JSON POST; empty means no gateway (messages go to <see cref="MessagingOptions.DefaultChannel"/>).</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as the X-Api-Key header.</summary>
    public string ApiKey { get; set; } = "";
}
