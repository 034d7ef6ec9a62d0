using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Mediation;

/// <summary>A case's mediations, newest first, with each settlement's instalments and how they stand today. Party names come masked.</summary>
[Allowed(Roles.Coordinator, Roles.Judge)]
public sealed record GetCaseMediations(int CaseId) : IQuery<IReadOnlyList<MediationView>>, ICaseRequest;

public sealed record MediationView(
    int Id, DateOnly HeldOn, string MediatorName, MediationResult Result, decimal? SettlementAmount, string Notes, int? WindowVisitId,
    IReadOnlyList<AttendeeView> Attendees, IReadOnlyList<InstalmentView> Instalments);

/// <param name="MaskedName">The case party's name, masked; null for someone recorded by kind only.</param>
public sealed record AttendeeView(AttendeeKind Kind, string? MaskedName);

public sealed record InstalmentView(int Id, int Number, decimal Amount, DateOnly DueOn, DueState State, decimal? PaidAmount, DateOnly? PaidOn, int Version);

public sealed class GetCaseMediationsHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IQueryHandler<GetCaseMediations, IReadOnlyList<MediationView>>
{
    public async ValueTask<IReadOnlyList<MediationView>> Handle(GetCaseMediations query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Mediations.AsNoTracking().Where(m => m.CaseId == query.CaseId)
            .Include(m => m.Attendees).Include(m => m.Instalments)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
        var mediatorIds = sessions.Select(s => s.MediatorId).Distinct().ToList();
        var mediators = await db.Users.Where(u => mediatorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var parties = await db.CaseParties.Where(p => p.CaseId == query.CaseId).ToDictionaryAsync(p => p.Id, p => PersonalData.MaskPartyName(p.Kind, p.Name), cancellationToken);
        return sessions.Select(s => new MediationView(
            s.Id, s.HeldOn, mediators.GetValueOrDefault(s.MediatorId, ""), s.Result, s.SettlementAmount, s.Notes, s.WindowVisitId,
            s.Attendees.OrderBy(a => a.Id).Select(a => new AttendeeView(a.Kind, a.PartyId is { } p && parties.TryGetValue(p, out var name) ? name : null)).ToList(),
            s.Instalments.OrderBy(i => i.Number).Select(i => new InstalmentView(i.Id, i.Number, i.Amount, i.DueOn, i.StateAt(now), i.PaidAmount, i.PaidOn, i.Version)).ToList()))
            .ToList();
    }
}

/// <summary>What the mediation dialog offers: who may mediate, and the case's parties (masked) to mark present.</summary>
[Allowed(Roles.Coordinator, Roles.Judge)]
public sealed record GetMediationOptions(int CaseId) : IQuery<MediationOptions>, ICaseRequest;

public sealed record MediationOptions(string CaseNumber, IReadOnlyList<(string Id, string Name)> Mediators, IReadOnlyList<(int Id, PartyRole Role, string MaskedName)> Parties);

public sealed class GetMediationOptionsHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetMediationOptions, MediationOptions>
{
    public async ValueTask<MediationOptions> Handle(GetMediationOptions query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Parties).SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)
            ?? throw new NotFoundException($"Case {query.CaseId}");
        var staff = await MediationStaff.Of(db, @case.StreetId, @case.CourtId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return new MediationOptions(
            @case.CaseNumber,
            staff.Select(s => (s.Id, s.DisplayName)).ToList(),
            @case.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => (p.Id, p.Role, PersonalData.MaskPartyName(p.Kind, p.Name))).ToList());
    }
}
