using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Evidence;

/// <summary>
/// The files attached to one task, oldest first, with who uploaded them and whether the sender may still remove each.
/// A task request: its holder, the matter's street coordinators and court's judges list them, the holders of other tasks do not.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator, Roles.GridWorker, Roles.PartnerAgent)]
public sealed record ListEvidence(int TaskId) : IQuery<IReadOnlyList<EvidenceItem>>, ITaskRequest;

public sealed record EvidenceItem(int Id, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTime UploadedAtUtc, bool CanDelete)
{
    public string Url => $"/evidence/{Id}";

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>Sizes as people read them: 820 KB, 3.4 MB.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };
}

public sealed class ListEvidenceHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<ListEvidence, IReadOnlyList<EvidenceItem>>
{
    public async ValueTask<IReadOnlyList<EvidenceItem>> Handle(ListEvidence query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.Tasks.Where(t => t.Id == query.TaskId)
            .Select(t => t.Status == VerificationTaskStatus.Assigned || t.Status == VerificationTaskStatus.Returned)
            .SingleOrDefaultAsync(cancellationToken);
        var rows = await db.Evidence.Where(e => e.TaskId == query.TaskId)
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.FileName,
                e.ContentType,
                e.SizeBytes,
                e.Sha256,
                UploadedBy = db.Users.Where(u => u.Id == e.UploadedById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                e.UploadedById,
                e.UploadedAtUtc,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new EvidenceItem(r.Id, r.FileName, r.ContentType, r.SizeBytes, r.Sha256, r.UploadedBy, r.UploadedAtUtc, open && r.UploadedById == me.Id))
            .ToList();
    }
}
