using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Web.Features.Api.Webhooks;

/// <summary>The JSON POSTed to a client's webhook URL.</summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTime OccurredAtUtc, WebhookMatter Data);

/// <summary>The matter as <c>GET /api/v1/matters/{id}</c> gives its feedback; no personal data of the target.</summary>
public sealed record WebhookMatter(int MatterId, string Reference, string? ClientReference, string CaseNumber, MatterStatus Status, ApiFeedback? Feedback);

/// <summary>
/// Delivers webhook events: reads the client's URL and secret now (so a changed URL applies to
/// queued events and a revoked client gets nothing), composes the payload from the matter, signs
/// it and POSTs it. Any answer but 2xx, or no answer within the timeout, is a failed attempt.
/// </summary>
public sealed class WebhookChannel(
    IHttpClientFactory httpClientFactory,
    IDbContextFactory<AppDbContext> dbFactory,
    WebhookSecretProtector secrets,
    TimeProvider clock) : IMessageChannel
{
    public const string HttpClientName = "webhooks";

    public string Name => MessageChannels.Webhook;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize<WebhookEnvelope>(message.Body, ApiProblems.Json)
            ?? throw new PermanentDeliveryException("Webhook message has no event.");
        var clientId = WebhookEvents.ClientIdOf(message.Recipient)
            ?? throw new PermanentDeliveryException($"Webhook recipient \"{message.Recipient}\" is not an API client.");

        string url;
        string secret;
        string body;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken)
                ?? throw new PermanentDeliveryException($"API client {clientId} no longer exists: webhook not sent.");
            if (client.IsRevoked)
            {
                throw new PermanentDeliveryException($"API client \"{client.Name}\" is revoked: webhook not sent.");
            }

            if (string.IsNullOrWhiteSpace(client.WebhookUrl) || client.WebhookSecretProtected is null)
            {
                throw new PermanentDeliveryException($"API client \"{client.Name}\" has no webhook URL any more: webhook not sent.");
            }

            var matter = await db.Matters.AsNoTracking().Include(m => m.Case).SingleOrDefaultAsync(m => m.Id == envelope.MatterId, cancellationToken);
            if (matter is null || matter.ApiClientId != clientId)
            {
                throw new PermanentDeliveryException($"Matter {envelope.MatterId} is not one of API client \"{client.Name}\"'s matters: webhook not sent.");
            }

            url = client.WebhookUrl;
            secret = secrets.Unprotect(client.WebhookSecretProtected);
            body = JsonSerializer.Serialize(Payload(envelope, matter), ApiProblems.Json);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSigning.SignatureHeader, WebhookSigning.Sign(secret, timestamp, body));
        request.Headers.Add(WebhookSigning.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigning.EventIdHeader, envelope.EventId.ToString());
        request.Headers.Add(WebhookSigning.EventTypeHeader, envelope.Type);

        using var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new MessageDeliveryException($"Webhook answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    private static WebhookPayload Payload(WebhookEnvelope envelope, Matter m)
    {
        var feedback = m.Feedback is not null && m.FedBackAtUtc is { } fedBackAt
            ? new ApiFeedback(m.Feedback, m.Outcome, fedBackAt, m.AcknowledgedAtUtc)
            : null;
        return new WebhookPayload(envelope.EventId, envelope.Type, envelope.OccurredAtUtc,
            new WebhookMatter(m.Id, m.Reference, m.ClientReference, m.Case!.CaseNumber, m.Status, feedback));
    }
}

public static class WebhookServices
{
    public static IServiceCollection AddExecutionHubWebhooks(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookChannel.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<MessagingOptions>>().Value.WebhookTimeoutSeconds))
            // A receiver's redirect is not followed: the event goes only to the URL the administrator registered.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<WebhookSecretProtector>();
        services.AddSingleton<WebhookEvents>();
        services.AddSingleton<IMessageChannel, WebhookChannel>();
        return services;
    }
}
