using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Storage;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Evidence;

/// <summary>
/// The task holder attaches a photo or a PDF to their finding. The type is decided by the file's
/// content, not its name; the bytes go to the evidence store with their SHA-256, the row and the
/// timeline line to the database. Returns the evidence id.
/// </summary>
[Allowed(Roles.GridWorker, Roles.PartnerAgent)]
public sealed record UploadEvidence(int TaskId, string FileName, Stream Content) : ICommand<int>, ITaskRequest;

public sealed class UploadEvidenceValidator : AbstractValidator<UploadEvidence>
{
    public const int MaxFileNameLength = 255;

    public UploadEvidenceValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(MaxFileNameLength);
        RuleFor(x => x.Content).NotNull();
    }
}

public sealed class UploadEvidenceHandler(
    IDbContextFactory<AppDbContext> dbFactory,
    IEvidenceStore store,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<UploadEvidenceHandler> logger) : ICommandHandler<UploadEvidence, int>
{
    public async ValueTask<int> Handle(UploadEvidence command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.Include(t => t.Matter).SingleOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken)
            ?? throw new NotFoundException($"Task {command.TaskId}");
        if (!task.IsOpenForFindings)
        {
            throw new DomainRuleException("Rule.Evidence.TaskNotOpen");
        }

        if (task.AwaitsClaim)
        {
            // A group's members see its unclaimed task; whoever works on it claims it first.
            throw new DomainRuleException("Rule.Task.ClaimFirst");
        }

        var (contentType, content) = await EvidenceContent.SniffAsync(command.Content, cancellationToken);
        if (contentType is null)
        {
            throw new RequestRefusedException("Rule.Evidence.TypeNotAllowed", command.FileName);
        }

        var stored = await store.SaveAsync(content, cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var fileName = EvidenceFileNames.Clean(command.FileName, contentType);
            var evidence = new EvidenceFile
            {
                MatterId = task.MatterId,
                TaskId = task.Id,
                FileName = fileName,
                ContentType = contentType,
                SizeBytes = stored.SizeBytes,
                Sha256 = stored.Sha256,
                StorageKey = stored.Key,
                UploadedById = me.Id,
                UploadedAtUtc = now,
            };
            db.Evidence.Add(evidence);
            db.AddTimeline(task.Matter!, me, now, "Timeline.EvidenceUploaded", fileName, task.Id);
            await db.SaveChangesAsync(cancellationToken);
            return evidence.Id;
        }
        catch
        {
            // No row points at the file: remove it, so nothing is left half-saved.
            await DeleteQuietlyAsync(stored.Key);
            throw;
        }
    }

    private async Task DeleteQuietlyAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Evidence file {Key} is orphaned: its row was not saved and the file could not be deleted", key);
        }
    }
}

/// <summary>
/// File names as users gave them, minus anything that could act as a path, break a header or hide
/// what the file is: control characters, bidirectional overrides (which make "gpj.exe" read as
/// "exe.jpg"), and an extension that is not the detected type's (a PDF named report.html is saved as report.pdf).
/// </summary>
public static class EvidenceFileNames
{
    private const string Fallback = "evidence";

    public static string Clean(string fileName, string contentType)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && !IsBidiControl(c)).ToArray()).Trim();
        return WithExtensionOf(name.Length == 0 ? Fallback : name, contentType);
    }

    /// <summary>U+200E/U+200F (marks), U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates).</summary>
    public static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string WithExtensionOf(string name, string contentType)
    {
        var fitting = EvidenceContent.ExtensionsOf(contentType);
        if (fitting.Count == 0)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (fitting.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return name;
        }

        var stem = name[..^extension.Length].TrimEnd('.', ' ');
        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        // "scan.pdf.exe" becomes "scan.pdf", not "scan.pdf.pdf".
        return fitting.Contains(Path.GetExtension(stem), StringComparer.OrdinalIgnoreCase) ? stem : stem + fitting[0];
    }
}
