using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// Shows a matter's target unmasked (name, ID number, phones, addresses). Every reveal is written
/// to the audit log before the data is returned: no audit line, no data.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record RevealPartyData(int MatterId) : ICommand<PartyView>, IMatterRequest;

public sealed class RevealPartyDataHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevealPartyData, PartyView>
{
    public async ValueTask<PartyView> Handle(RevealPartyData command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await db.Matters.Include(m => m.TargetParty).SingleAsync(m => m.Id == command.MatterId, cancellationToken);
        var party = matter.TargetParty!;
        db.AddAudit(me, clock, "PersonalData.Reveal", $"Matter {matter.Reference}", $"Party {party.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return PartyView.InFull(party);
    }
}
