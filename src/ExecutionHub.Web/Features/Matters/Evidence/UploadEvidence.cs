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
            var fileName = EvidenceFileNames.Clean(command.FileName);
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

/// <summary>File names as users gave them, minus anything that could act as a path or break a header.</summary>
public static class EvidenceFileNames
{
    public static string Clean(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "evidence" : name;
    }
}
