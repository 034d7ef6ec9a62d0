using Microsoft.JSInterop;

namespace ExecutionHub.Web.Infrastructure.Export;

/// <summary>Hands a file built on the server to the user's browser as a download, streamed over the circuit.</summary>
public sealed class BrowserDownload(IJSRuntime js)
{
    public const string Module = "./download.js";

    public async Task SaveAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, Module);
        using var reference = new DotNetStreamReference(content, leaveOpen: true);
        await module.InvokeVoidAsync("saveFile", cancellationToken, fileName, contentType, reference);
    }
}
