using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>
/// Shows one party of a case unmasked, as <see cref="RevealPartyData"/> does for a matter's target:
/// one party at a time, and the reveal is written to the audit log before the data is returned.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record RevealCaseParty(int CaseId, int PartyId) : ICommand<PartyView>, ICaseRequest;

public sealed class RevealCasePartyHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevealCaseParty, PartyView>
{
    public async ValueTask<PartyView> Handle(RevealCaseParty command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var party = await db.CaseParties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PartyId && p.CaseId == command.CaseId, cancellationToken)
            ?? throw new NotFoundException($"Party {command.PartyId} of case {command.CaseId}");
        var caseNumber = await db.Cases.Where(c => c.Id == command.CaseId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        db.AddAudit(me, clock, "PersonalData.Reveal", $"Case {caseNumber}", $"Party {party.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return PartyView.InFull(party);
    }
}
