using System.Net.Http.Json;
using ExecutionHub.Web.Domain;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>
/// Sends an SMS through an HTTP gateway: POST <c>{ "to", "text", "reference" }</c> as JSON to
/// Messaging:Sms:Url with the X-Api-Key header. Any answer other than 2xx is a failed attempt.
/// </summary>
/// <remarks>
/// The reference is the outbox key. A crash after the gateway accepted a message but before the
/// outbox recorded it sends the message again on the next try; the gateway can spot that repeat by
/// its reference.
/// </remarks>
public sealed class SmsGatewayChannel(IHttpClientFactory httpClientFactory, IOptions<MessagingOptions> options) : IMessageChannel
{
    public const string HttpClientName = "sms-gateway";

    public string Name => MessageChannels.Sms;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Sms.Url);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new SmsRequest(message.Recipient, message.Body, message.Key)),
        };
        request.Headers.Add("X-Api-Key", settings.ApiKey);

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new MessageDeliveryException(
                $"SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}" + (string.IsNullOrWhiteSpace(detail) ? "" : $": {Shorten(detail)}"));
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record SmsRequest(
        [property: System.Text.Json.Serialization.JsonPropertyName("to")] string To,
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text,
        [property: System.Text.Json.Serialization.JsonPropertyName("reference")] string Reference);
}

/// <summary>A channel could not deliver a message; the outbox will try again later.</summary>
public sealed class MessageDeliveryException(string message) : Exception(message);

/// <summary>
/// A message that can never be delivered as it stands (its webhook client was revoked, say): the
/// outbox records the attempt and marks the message failed at once instead of retrying it.
/// </summary>
public sealed class PermanentDeliveryException(string message) : Exception(message);
