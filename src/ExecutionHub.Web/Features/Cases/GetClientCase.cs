using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.ReferenceData;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>A case of the client's own court by its number, as a court system reads it: parties masked as a matter's target is.</summary>
/// <remarks>ClientCaseView.AwaitsCompletion: created by a ledger import and not yet completed (cause and amount sent), so left out of case statistics.</remarks>
[ApiScope(ApiScopes.MattersRead)]
public sealed record GetClientCase(string CaseNumber) : IQuery<ClientCaseView>;

public sealed record ClientCaseJudge(string Id, string Code, string Name);

public sealed record ClientCaseStreet(int Id, string? Code, string Name);

/// <param name="Name">A person's name masked (张*三), an organisation's in full.</param>
/// <param name="IdentityNumber">Masked: the first six and last four characters.</param>
public sealed record ClientCaseParty(int Id, PartyRole Role, PartyKind Kind, string Name, string IdentityNumber);

public sealed record ClientCaseMatter(int Id, string Reference, MatterType Type, MatterStatus Status, DateTime ReceivedAtUtc, string Href);

public sealed record ClientCaseView(
    int Id,
    string CaseNumber,
    string Cause,
    string Industry,
    decimal AmountOwed,
    decimal AmountRecovered,
    CaseStatus Status,
    DateOnly FiledOn,
    ClientCaseJudge Judge,
    ClientCaseStreet Street,
    IReadOnlyList<ClientCaseParty> Parties,
    IReadOnlyList<ClientCaseMatter> Matters,
    bool AwaitsCompletion);

public sealed class GetClientCaseValidator : AbstractValidator<GetClientCase>
{
    public GetClientCaseValidator() => RuleFor(x => x.CaseNumber).MaximumLength(ExecutionCase.MaxCaseNumberLength);
}

public sealed class GetClientCaseHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<GetClientCase, ClientCaseView>
{
    public async ValueTask<ClientCaseView> Handle(GetClientCase query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Parties).Include(c => c.Street)
            .Named(query.CaseNumber, me.CourtId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Case {query.CaseNumber}");
        var judge = await db.Users.Where(u => u.Id == @case.JudgeId).Select(u => new { u.Id, u.StaffNumber, u.UserName, u.DisplayName }).SingleAsync(cancellationToken);
        var matters = await db.Matters.AsNoTracking().Where(m => m.CaseId == @case.Id).OrderBy(m => m.ReceivedAtUtc)
            .Select(m => new { m.Id, m.Reference, m.Type, m.Status, m.ReceivedAtUtc }).ToListAsync(cancellationToken);
        return new ClientCaseView(
            @case.Id, @case.CaseNumber, @case.Cause, @case.Industry, @case.AmountOwed, @case.AmountRecovered, @case.Status, @case.FiledOn,
            new ClientCaseJudge(judge.Id, OrgReferences.JudgeCode(judge.StaffNumber, judge.UserName), judge.DisplayName),
            new ClientCaseStreet(@case.StreetId, @case.Street!.Code, @case.Street.Name),
            @case.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id)
                .Select(p => (Party: p, View: PartyView.Masked(p)))
                .Select(x => new ClientCaseParty(x.Party.Id, x.Party.Role, x.Party.Kind, x.View.Name, x.View.IdentityNumber)).ToList(),
            matters.Select(m => new ClientCaseMatter(m.Id, m.Reference, m.Type, m.Status, m.ReceivedAtUtc, "/api/v1/matters/" + m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            @case.AwaitsCompletion);
    }
}
