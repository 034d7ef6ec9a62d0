using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.Tests.Infrastructure.Messaging;

/// <summary>
/// A real HTTP SMS gateway on a loopback port: answers 500 to the first <c>failFirst</c> requests
/// and 200 after that, and records every request it received.
/// </summary>
internal sealed class FakeSmsGateway : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<GatewayRequest> requests = new();
    private readonly int failFirst;
    private readonly TimeSpan delay;
    private int count;

    private FakeSmsGateway(int failFirst, TimeSpan delay)
    {
        this.failFirst = failFirst;
        this.delay = delay;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/sms", ReceiveAsync);
    }

    /// <summary>The URL to configure as Messaging:Sms:Url.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<GatewayRequest> Requests => requests.ToList();

    public IReadOnlyList<GatewayRequest> Accepted => requests.Where(r => r.Status == StatusCodes.Status200OK).ToList();

    public static async Task<FakeSmsGateway> StartAsync(int failFirst = 0, TimeSpan delay = default)
    {
        var gateway = new FakeSmsGateway(failFirst, delay);
        await gateway.app.StartAsync();
        gateway.Url = gateway.app.Urls.Single().TrimEnd('/') + "/sms";
        return gateway;
    }

    /// <summary>Settings for <see cref="TestApp.CreateAsync"/> that point the SMS channel here.</summary>
    public Dictionary<string, string?> Settings(int maxAttempts = 6) => new()
    {
        ["Messaging:Sms:Url"] = Url,
        ["Messaging:Sms:ApiKey"] = ApiKey,
        ["Messaging:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var number = Interlocked.Increment(ref count);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        var status = number <= failFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        requests.Enqueue(new GatewayRequest(JsonDocument.Parse(body).RootElement.Clone(), request.Headers["X-Api-Key"].ToString(), request.ContentType, status));
        return status == StatusCodes.Status200OK ? Results.Ok(new { accepted = true }) : Results.Text("gateway down", statusCode: status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record GatewayRequest(JsonElement Json, string ApiKey, string? ContentType, int Status)
{
    public string To => Json.GetProperty("to").GetString()!;

    public string Text => Json.GetProperty("text").GetString()!;

    public string Reference => Json.GetProperty("reference").GetString()!;
}
