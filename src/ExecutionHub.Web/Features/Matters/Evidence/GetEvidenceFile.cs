using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Evidence;

/// <summary>
/// What the evidence endpoint needs to serve one file, asked through the pipeline so the same
/// rule as the evidence's task applies: its holder, its matter's street coordinators and court's
/// judges — never the holders of the matter's other tasks.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator, Roles.GridWorker, Roles.PartnerAgent)]
public sealed record GetEvidenceFile(int EvidenceId) : IQuery<EvidenceDownload>, IScopedRequest
{
    ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        MatterScope.OfEvidenceAsync(services, EvidenceId, cancellationToken);
}

public sealed record EvidenceDownload(int Id, string FileName, string ContentType, long SizeBytes, string Sha256, string StorageKey, DateTime UploadedAtUtc);

public sealed class GetEvidenceFileHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetEvidenceFile, EvidenceDownload>
{
    public async ValueTask<EvidenceDownload> Handle(GetEvidenceFile query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Evidence.Where(e => e.Id == query.EvidenceId)
            .Select(e => new EvidenceDownload(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.StorageKey, e.UploadedAtUtc))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Evidence {query.EvidenceId}");
    }
}
