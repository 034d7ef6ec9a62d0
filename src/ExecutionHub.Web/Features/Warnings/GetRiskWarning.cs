using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>
/// One warning with its evidence, suggested action and state history. A street officer gets the
/// aggregate only; a coordinator of the street or a judge of its court also gets the respondent
/// behind a repeat-respondent or mass-dispute warning, masked (name and ID number as everywhere
/// else by default), so they can find the cases through their own case pages.
/// </summary>
[Allowed(Roles.StreetOfficer, Roles.Coordinator, Roles.Judge, Roles.Administrator)]
public sealed record GetRiskWarning(long WarningId) : IQuery<RiskWarningDetail>, IRiskWarningRequest;

public sealed record RiskWarningEventRow(WarningState? From, WarningState To, string ActorName, DateTime AtUtc, string Note);

public sealed record RiskWarningDetail(
    RiskWarningRow Warning,
    string? MaskedRespondent,
    IReadOnlyList<RiskWarningEventRow> History,
    IReadOnlyList<WarningState> NextStates);

public sealed class GetRiskWarningHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<GetRiskWarning, RiskWarningDetail>
{
    public async ValueTask<RiskWarningDetail> Handle(GetRiskWarning query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var warning = await db.RiskWarnings.AsNoTracking().Include(w => w.Street).Include(w => w.History)
            .SingleOrDefaultAsync(w => w.Id == query.WarningId, cancellationToken) ?? throw new NotFoundException($"Warning {query.WarningId}");

        string? respondent = null;
        if ((me.IsInRole(Roles.Coordinator) || me.IsInRole(Roles.Judge) || me.IsInRole(Roles.Administrator)) && warning.SubjectPartyId is { } partyId)
        {
            respondent = await db.CaseParties.Where(p => p.Id == partyId)
                .Select(p => new { p.Name, p.IdentityNumber }).SingleOrDefaultAsync(cancellationToken) is { } party
                ? $"{PersonalData.MaskName(party.Name)} · {PersonalData.MaskIdentityNumber(party.IdentityNumber)}"
                : null;
        }

        var mover = me.IsInRole(Roles.StreetOfficer) || me.IsInRole(Roles.Coordinator);
        return new RiskWarningDetail(
            RiskWarningRow.Of(warning),
            respondent,
            warning.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new RiskWarningEventRow(e.From, e.To, e.ActorName, e.AtUtc, e.Note)).ToList(),
            mover ? RiskWarning.NextStates(warning.State) : []);
    }
}

/// <summary>A request about one warning: reachable by its street's officers and coordinators and its court's judges (as the roles it declares allow).</summary>
public interface IRiskWarningRequest : IScopedRequest
{
    long WarningId { get; }

    async ValueTask<OrgScope> IScopedRequest.ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var scope = await db.RiskWarnings.Where(w => w.Id == WarningId).Select(w => new OrgScope(w.Street!.CourtId, w.StreetId, null, null, null, null))
            .SingleOrDefaultAsync(cancellationToken);
        return scope ?? throw new NotFoundException($"Warning {WarningId}");
    }
}
