using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>A client's webhook endpoint on a loopback port (real Kestrel): answers 500 to the first requests, then 204.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> requests = new();
    private readonly int failFirst;
    private int count;

    private WebhookReceiver(int failFirst)
    {
        this.failFirst = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/hooks/executionhub", ReceiveAsync);
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Requests => requests.ToList();

    public IReadOnlyList<ReceivedWebhook> Accepted => requests.Where(r => r.Status < 300).ToList();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new WebhookReceiver(failFirst);
        await receiver.app.StartAsync();
        receiver.Url = receiver.app.Urls.Single().TrimEnd('/') + "/hooks/executionhub";
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var status = Interlocked.Increment(ref count) <= failFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
        requests.Enqueue(new ReceivedWebhook(
            body,
            request.Headers["X-ExecutionHub-Signature"].ToString(),
            request.Headers["X-ExecutionHub-Timestamp"].ToString(),
            request.Headers["X-ExecutionHub-Event-Id"].ToString(),
            request.ContentType,
            status));
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record ReceivedWebhook(string Body, string Signature, string Timestamp, string EventId, string? ContentType, int Status);
