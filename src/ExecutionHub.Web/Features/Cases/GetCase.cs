using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>A case as its court's judges and its street's coordinators see it: parties masked, its matters with their clocks and feedback.</summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetCase(int CaseId) : IQuery<CaseView>, ICaseRequest;

public sealed record CaseMatterView(int Id, string Reference, MatterType Type, MatterStatus Status, DateTime ReceivedAtUtc, DateTime DueAtUtc, MatterClock Clock, string? Feedback, DateTime? FedBackAtUtc, DateTime? AcknowledgedAtUtc);

public sealed record CaseView(
    int Id,
    string CaseNumber,
    string Cause,
    string Industry,
    decimal AmountOwed,
    decimal AmountRecovered,
    CaseStatus Status,
    string CourtName,
    string JudgeName,
    string StreetName,
    IReadOnlyList<PartyView> Applicants,
    IReadOnlyList<PartyView> Respondents,
    IReadOnlyList<CaseMatterView> Matters,
    CaseTags Tags = CaseTags.None);

public sealed class GetCaseHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IQueryHandler<GetCase, CaseView>
{
    public async ValueTask<CaseView> Handle(GetCase query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.Court).Include(c => c.Street)
            .SingleAsync(c => c.Id == query.CaseId, cancellationToken);
        var judge = await db.Users.Where(u => u.Id == @case.JudgeId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var matters = (await db.Matters.AsNoTracking().Where(m => m.CaseId == @case.Id).OrderByDescending(m => m.ReceivedAtUtc).ToListAsync(cancellationToken))
            .Select(m => new CaseMatterView(m.Id, m.Reference, m.Type, m.Status, m.ReceivedAtUtc, m.DueAtUtc, m.Clock(now), m.Feedback, m.FedBackAtUtc, m.AcknowledgedAtUtc))
            .ToList();
        return new CaseView(
            @case.Id, @case.CaseNumber, @case.Cause, @case.Industry, @case.AmountOwed, @case.AmountRecovered, @case.Status,
            @case.Court!.Name, judge, @case.Street!.Name,
            @case.Parties.Where(p => p.Role == PartyRole.Applicant).Select(PartyView.Masked).ToList(),
            @case.Parties.Where(p => p.Role == PartyRole.Respondent).Select(PartyView.Masked).ToList(),
            matters,
            @case.Tags);
    }
}
