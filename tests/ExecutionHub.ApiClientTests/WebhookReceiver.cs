using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.ApiClientTests;

/// <summary>The integrator's webhook endpoint on a loopback port: keeps each POST's raw body and headers, answers 204.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Body, Dictionary<string, string> Headers)> received = new();

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/hooks/executionhub", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            // Copied now: the request's own header collection is reused once it is answered.
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            received.Enqueue((await reader.ReadToEndAsync(), headers));
            return Results.NoContent();
        });
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<(string Body, Dictionary<string, string> Headers)> Received => received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.app.StartAsync();
        receiver.Url = receiver.app.Urls.Single().TrimEnd('/') + "/hooks/executionhub";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
