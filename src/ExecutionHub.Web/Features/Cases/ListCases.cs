using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>
/// One page of the cases the sender may refer from, latest activity first: a judge's own cases, or
/// the whole court's on request; a coordinator's street's (they register matters from its cases and
/// look a case up by a party's name when the party comes to the window — the street is all they reach).
/// Filters, order and paging run in the database on indexed columns; parties' names are masked.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record ListCases : IQuery<CaseListPage>
{
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;

    /// <summary>A judge sees the court's cases instead of their own; a coordinator always sees the street's.</summary>
    public bool WholeCourt { get; init; }

    /// <summary>A case number, whole or its beginning, or a party's name, whole or its beginning.</summary>
    public string? Search { get; init; }
    [FieldLabel("Cases.Status")]
    public CaseStatus? Status { get; init; }

    /// <summary>Only cases with a matter received, registered, dispatched or consolidated.</summary>
    public bool OpenMattersOnly { get; init; }
}

/// <param name="Applicants">Masked names, in the order the parties were recorded.</param>
public sealed record CaseRow(
    int Id,
    string CaseNumber,
    CaseStatus Status,
    IReadOnlyList<string> Applicants,
    IReadOnlyList<string> Respondents,
    int OpenMatters,
    DateTime LastActivityAtUtc,
    string JudgeName,
    string StreetName);

public sealed record CaseListPage(IReadOnlyList<CaseRow> Rows, int Total);

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(0);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100);
        RuleFor(x => x.Search).MaximumLength(50);
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null);
    }
}

public sealed class ListCasesHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<ListCases, CaseListPage>
{
    public async ValueTask<CaseListPage> Handle(ListCases query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = Filter(db, me, query);
        var total = await cases.CountAsync(cancellationToken);

        // Page through the cases' own index, then read the page's rows: a deep page skips index entries, not joined rows.
        var ids = await Newest(cases).Skip(query.Page * query.PageSize).Take(query.PageSize).Select(c => c.Id).ToListAsync(cancellationToken);
        var rows = await db.Cases.Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.CaseNumber,
                c.Status,
                c.LastActivityAtUtc,
                Judge = db.Users.Where(u => u.Id == c.JudgeId).Select(u => u.DisplayName).First(),
                Street = c.Street!.Name,
                OpenMatters = db.Matters.Count(m => m.CaseId == c.Id && m.Status <= MatterQueries.LastOpenStatus),
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var parties = (await db.CaseParties.Where(p => ids.Contains(p.CaseId)).OrderBy(p => p.Id)
                .Select(p => new { p.CaseId, p.Role, p.Kind, p.Name }).ToListAsync(cancellationToken))
            .ToLookup(p => (p.CaseId, p.Role), p => PersonalData.MaskPartyName(p.Kind, p.Name));

        var page = ids.Select(id => rows[id]).Select(r => new CaseRow(
            r.Id, r.CaseNumber, r.Status,
            parties[(r.Id, PartyRole.Applicant)].ToList(), parties[(r.Id, PartyRole.Respondent)].ToList(),
            r.OpenMatters, r.LastActivityAtUtc, r.Judge, r.Street)).ToList();
        return new CaseListPage(page, total);
    }

    /// <summary>The cases <paramref name="query"/> finds for <paramref name="me"/>, unordered.</summary>
    internal static IQueryable<ExecutionCase> Filter(AppDbContext db, UserContext me, ListCases query)
    {
        // A judge's own cases are found by judge and court together, one range of their index: a judge
        // who moved courts does not take the old court's cases along.
        var cases = me.IsInRole(Roles.Judge)
            ? query.WholeCourt ? db.Cases.Where(c => c.CourtId == me.CourtId) : db.Cases.Where(c => c.JudgeId == me.Id && c.CourtId == me.CourtId)
            : db.Cases.Where(c => c.StreetId == me.StreetId);
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (query.OpenMattersOnly)
        {
            // The scope's open matters are few (the open work is recent) and one range of their own index;
            // their cases, as a list, then filter the walk — instead of a look into every case's matters.
            var open = (me.IsInRole(Roles.Judge) ? db.Matters.Where(m => m.CourtId == me.CourtId) : db.Matters.Where(m => m.StreetId == me.StreetId))
                .Open().Select(m => m.CaseId);
            cases = cases.Where(c => open.Contains(c.Id));
        }

        return string.IsNullOrWhiteSpace(query.Search) ? cases : Search(db, cases, query.Search.Trim());
    }

    /// <summary>Latest activity first; the id breaks ties, so a page never repeats or skips a case.</summary>
    internal static IQueryable<ExecutionCase> Newest(IQueryable<ExecutionCase> cases) =>
        cases.OrderByDescending(c => c.LastActivityAtUtc).ThenByDescending(c => c.Id);

    /// <summary>
    /// A whole case number finds that case; the beginning of one ("(2025)沪0110执12", "2025沪0110") the
    /// cases numbered so; anything else the cases with a party whose name begins so ("张三", "张"). Each
    /// is a range on an index (compared as text, like the matter list's reference prefix).
    /// </summary>
    private static IQueryable<ExecutionCase> Search(AppDbContext db, IQueryable<ExecutionCase> cases, string text)
    {
        if (Domain.CaseNumber.TryParse(text, out var number))
        {
            var whole = number.ToString();
            return cases.Where(c => c.CaseNumber == whole);
        }

        // Both ranges as their own sub-queries, so SQLite reads them on their index instead of walking
        // every case in scope and comparing each one's number or parties.
        if (CaseNumberPrefix(text) is { } prefix)
        {
            var prefixEnd = prefix + '\uffff';
            var numbered = db.Cases.Where(c => string.Compare(c.CaseNumber, prefix) >= 0 && string.Compare(c.CaseNumber, prefixEnd) < 0).Select(c => c.Id);
            return cases.Where(c => numbered.Contains(c.Id));
        }

        var nameEnd = text + '\uffff';
        var named = db.CaseParties.Where(p => string.Compare(p.Name, text) >= 0 && string.Compare(p.Name, nameEnd) < 0).Select(p => p.CaseId);
        return cases.Where(c => named.Contains(c.Id));
    }

    /// <summary>
    /// The stored form of what looks like the beginning of a case number — it starts with a bracket or
    /// a four-digit year: "（2025）沪0110" → "(2025)沪0110", "2025沪0110执1" → "(2025)沪0110执1"; null otherwise.
    /// </summary>
    internal static string? CaseNumberPrefix(string text)
    {
        var ascii = text.Replace('（', '(').Replace('）', ')');
        if (ascii.StartsWith('('))
        {
            return ascii;
        }

        if (ascii.Length < 4 || !ascii[..4].All(char.IsAsciiDigit))
        {
            return null;
        }

        var rest = ascii[4..];
        return rest.Length == 0 || rest.StartsWith(')') ? "(" + ascii : $"({ascii[..4]}){rest}";
    }
}
