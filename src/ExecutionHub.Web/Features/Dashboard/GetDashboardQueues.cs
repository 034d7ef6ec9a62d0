using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using ExecutionHub.Web.Features.Matters;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Dashboard;

/// <summary>
/// The dashboard's work lists, now, for the sender's scope and the filter's street, judge and type:
/// overdue and due-soon matters (soonest first), the signed-in judge's own open matters, and matters
/// fed back and waiting for the judge to acknowledge them (a judge's own; a coordinator's street's).
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
public sealed record GetDashboardQueues(DashboardFilter Filter) : IQuery<DashboardQueues>;

public sealed record QueueRow(int Id, string Reference, MatterType Type, MatterStatus Status, string CaseNumber, string StreetName, DateTime DueAtUtc, DateTime? FedBackAtUtc);

/// <summary>Each list holds at most <see cref="GetDashboardQueuesHandler.Limit"/> rows; the totals count them all.</summary>
public sealed record QueueList(int Total, IReadOnlyList<QueueRow> Rows);

public sealed record RunningMatter(int Id, DateTime DueAtUtc, int DueSoonHours);

public sealed record DashboardQueues(QueueList Overdue, QueueList DueSoon, QueueList? Mine, QueueList AwaitingJudge);

public sealed class GetDashboardQueuesValidator : AbstractValidator<GetDashboardQueues>
{
    public GetDashboardQueuesValidator() => RuleFor(x => x.Filter).SetValidator(new DashboardFilterValidator());
}

public sealed class GetDashboardQueuesHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, DashboardSnapshots snapshots)
    : IQueryHandler<GetDashboardQueues, DashboardQueues>
{
    public const int Limit = 50;

    /// <summary>
    /// What the lists depend on: a judge's own open matters and feedback are theirs alone, so a judge's
    /// lists are keyed by the judge too; a street's are the same for all its coordinators. The rows hold
    /// references, case numbers and street names, no person's name.
    /// </summary>
    private sealed record Key(DashboardScope Scope, DashboardFilter Filter, string? Judge);

    public async ValueTask<DashboardQueues> Handle(GetDashboardQueues query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var scope = DashboardScope.Of(me);
        var judge = me.IsInRole(Roles.Judge) ? me.Id : null;
        return await snapshots.GetAsync(new Key(scope, query.Filter, judge), ct => EvaluateAsync(scope, query.Filter, judge, ct), cancellationToken);
    }

    private async Task<DashboardQueues> EvaluateAsync(DashboardScope scope, DashboardFilter filter, string? judge, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = db.Matters.AsNoTracking().InScope(scope, filter);

        // Open matters are the few: their due-soon thresholds differ by matter, so the split is made here.
        var open = await Running(matters).ToListAsync(cancellationToken);
        var overdueIds = open.Where(m => m.DueAtUtc < now).Select(m => m.Id).ToList();
        var dueSoonIds = open.Where(m => m.DueAtUtc >= now && m.DueAtUtc.AddHours(-m.DueSoonHours) <= now).Select(m => m.Id).ToList();
        var overdueShown = overdueIds.Take(Limit).ToList();
        var dueSoonShown = dueSoonIds.Take(Limit).ToList();

        // The ids are already in scope: look them up by key alone, so the planner reads just those rows.
        var overdue = new QueueList(overdueIds.Count, await RowsAsync(db, db.Matters.Where(m => overdueShown.Contains(m.Id)).OrderBy(m => m.DueAtUtc), cancellationToken));
        var dueSoon = new QueueList(dueSoonIds.Count, await RowsAsync(db, db.Matters.Where(m => dueSoonShown.Contains(m.Id)).OrderBy(m => m.DueAtUtc), cancellationToken));

        QueueList? mine = null;
        var awaiting = matters.Where(m => m.Status == MatterStatus.FedBack && m.AcknowledgedAtUtc == null);
        if (judge is not null)
        {
            var myOpen = matters.Open().Where(m => m.JudgeId == judge);
            mine = new QueueList(await myOpen.CountAsync(cancellationToken), await RowsAsync(db, myOpen.OrderBy(m => m.DueAtUtc).Take(Limit), cancellationToken));
            awaiting = awaiting.Where(m => m.JudgeId == judge);
        }

        var awaitingJudge = new QueueList(await awaiting.CountAsync(cancellationToken), await RowsAsync(db, awaiting.OrderBy(m => m.FedBackAtUtc).Take(Limit), cancellationToken));
        return new DashboardQueues(overdue, dueSoon, mine, awaitingJudge);
    }

    /// <summary>Open matters whose clock runs, soonest due first: the overdue and due-soon lists are split from these.</summary>
    public static IQueryable<RunningMatter> Running(IQueryable<Matter> matters) =>
        matters.Open().Where(m => m.PausedAtUtc == null).OrderBy(m => m.DueAtUtc).Select(m => new RunningMatter(m.Id, m.DueAtUtc, m.DueSoonHours));

    private static Task<List<QueueRow>> RowsAsync(AppDbContext db, IQueryable<Matter> matters, CancellationToken cancellationToken) =>
        matters.Select(m => new QueueRow(m.Id, m.Reference, m.Type, m.Status, m.Case!.CaseNumber,
                db.Streets.Where(s => s.Id == m.StreetId).Select(s => s.Name).First(), m.DueAtUtc, m.FedBackAtUtc))
            .ToListAsync(cancellationToken);
}
