using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>
/// The matter registration a visit turns into, prefilled: a party application of the type its
/// purpose becomes, on the visit's case, asking what the visitor said. No registration when the
/// visit is a matter already (its matter is named instead) or its purpose never becomes one.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record DraftMatterFromVisit(int VisitId) : IQuery<VisitMatterDraft>, IWindowVisitRequest;

public sealed record VisitMatterDraft(int VisitId, DateTime VisitedAtUtc, VisitPurpose Purpose, int? MatterId, string? MatterReference, RegisterMatter? Registration);

public sealed class DraftMatterFromVisitHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<DraftMatterFromVisit, VisitMatterDraft>
{
    public async ValueTask<VisitMatterDraft> Handle(DraftMatterFromVisit query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visit = await db.WindowVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == query.VisitId, cancellationToken)
            ?? throw new NotFoundException($"Window visit {query.VisitId}");
        var reference = visit.MatterId is null ? null : await db.Matters.Where(m => m.Id == visit.MatterId).Select(m => m.Reference).SingleAsync(cancellationToken);
        return new VisitMatterDraft(visit.Id, visit.VisitedAtUtc, visit.Purpose, visit.MatterId, reference, visit.CanBecomeMatter ? Draft(visit) : null);
    }

    private static RegisterMatter Draft(WindowVisit visit)
    {
        var type = WindowVisit.MatterTypeFor(visit.Purpose)!.Value;
        return new RegisterMatter
        {
            Source = MatterSource.PartyApplication,
            Type = type,
            CaseNumber = visit.CaseNumber ?? "",
            Request = visit.Notes,
            Details = type switch
            {
                MatterType.AssetClueVerification => new MatterDetails { ClueDescription = visit.Notes },
                MatterType.JudicialRelief => new MatterDetails { ApplicantHardship = visit.Notes },
                MatterType.ResumeExecution => new MatterDetails { NewAssetClue = visit.Notes },
                _ => new MatterDetails(),
            },
        };
    }
}
