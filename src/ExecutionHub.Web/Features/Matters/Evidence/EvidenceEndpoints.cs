using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Storage;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace ExecutionHub.Web.Features.Matters.Evidence;

/// <summary>
/// Serves evidence files to the people who may see their task (its holder, the matter's street
/// coordinators and court's judges). The file is looked up through the mediator, so the pipeline's
/// scope check decides; a refusal and an unknown id both answer 404, so nobody learns which
/// evidence ids exist — not even the holder of another task of the same matter. Only a plain image
/// (<see cref="EvidenceContent.IsPlainImage"/>) is served inline; a PDF or HEIC comes as an attachment
/// with <c>Content-Security-Policy: sandbox</c>, and the name is cleaned again on the way out for rows
/// saved before names were normalised.
/// </summary>
public static class EvidenceEndpoints
{
    public static WebApplication MapEvidenceEndpoints(this WebApplication app)
    {
        app.MapGet("/evidence/{id:int}", ServeAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ServeAsync(int id, HttpContext http, ISender sender, IEvidenceStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        EvidenceDownload evidence;
        try
        {
            evidence = await sender.Send(new GetEvidenceFile(id), cancellationToken);
        }
        catch (Exception ex) when (ex is RequestRefusedException or NotFoundException)
        {
            return TypedResults.NotFound();
        }

        Stream content;
        try
        {
            content = store.OpenRead(evidence.StorageKey);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            loggers.CreateLogger(typeof(EvidenceEndpoints)).LogError(ex, "Evidence {Id} has a row but no file under {Key}", id, evidence.StorageKey);
            return TypedResults.NotFound();
        }

        // A plain image may show in place; anything else is a download, which WebSecurity's download policy
        // gives "Content-Security-Policy: sandbox", so it runs nothing even if opened.
        var plainImage = EvidenceContent.IsPlainImage(evidence.ContentType);
        var disposition = new ContentDispositionHeaderValue(plainImage ? "inline" : "attachment");
        disposition.SetHttpFileName(EvidenceFileNames.Clean(evidence.FileName, evidence.ContentType));
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";

        return TypedResults.Stream(content, evidence.ContentType);
    }
}
