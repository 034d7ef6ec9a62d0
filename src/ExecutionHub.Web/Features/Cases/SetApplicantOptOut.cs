using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>An applicant asked to stop (or resume) receiving progress messages; recorded by the case's judge or the street's coordinator, audited.</summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record SetApplicantOptOut(int CaseId, int PartyId, bool OptedOut) : ICommand, ICaseRequest;

public sealed class SetApplicantOptOutHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetApplicantOptOut>
{
    public async ValueTask<Unit> Handle(SetApplicantOptOut command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applicant = await db.CaseParties
            .SingleOrDefaultAsync(p => p.Id == command.PartyId && p.CaseId == command.CaseId && p.Role == PartyRole.Applicant, cancellationToken)
            ?? throw new NotFoundException($"Applicant {command.PartyId} of case {command.CaseId}");
        if (applicant.OptedOutOfMessages != command.OptedOut)
        {
            applicant.OptedOutOfMessages = command.OptedOut;
            var caseNumber = await db.Cases.Where(c => c.Id == command.CaseId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
            db.AddAudit(me, clock, command.OptedOut ? "Case.ApplicantOptedOut" : "Case.ApplicantOptedIn", $"Case {caseNumber}", $"Party {applicant.Id}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
