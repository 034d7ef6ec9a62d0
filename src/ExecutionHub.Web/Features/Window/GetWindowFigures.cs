using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>
/// The window's figures for the coordinator's desk, this Shanghai calendar month: visits by purpose,
/// the matters they became, the mediations held at the window and how many ended in a settlement, and the
/// street's relief and resume-execution applications the judges decided.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record GetWindowFigures(int StreetId) : IQuery<WindowFigures>, IStreetWindowRequest;

public sealed record PurposeCount(VisitPurpose Purpose, int Visits);

public sealed record WindowFigures(DateOnly MonthStart, int Visits, IReadOnlyList<PurposeCount> VisitsByPurpose, int MattersFromWindow, int ApplicationsDecided = 0, int Mediations = 0, int Settlements = 0);

public sealed class GetWindowFiguresHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IQueryHandler<GetWindowFigures, WindowFigures>
{
    public async ValueTask<WindowFigures> Handle(GetWindowFigures query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var start = LocalDay.StartUtc(monthStart);
        var end = LocalDay.StartUtc(monthStart.AddMonths(1));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visits = db.WindowVisits.Where(v => v.StreetId == query.StreetId && v.VisitedAtUtc >= start && v.VisitedAtUtc < end);
        var counts = await visits.GroupBy(v => v.Purpose).Select(g => new { Purpose = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Purpose, g => g.Count, cancellationToken);
        var matters = await db.WindowVisits.Where(v => v.StreetId == query.StreetId && v.MatterId != null)
            .Join(db.Matters, v => v.MatterId, m => m.Id, (_, m) => m.ReceivedAtUtc)
            .CountAsync(received => received >= start && received < end, cancellationToken);
        var decided = await db.Matters
            .Where(m => m.StreetId == query.StreetId && (m.Type == MatterType.JudicialRelief || m.Type == MatterType.ResumeExecution) && m.Decision != null)
            .CountAsync(m => m.Decision!.DecidedAtUtc >= start && m.Decision.DecidedAtUtc < end, cancellationToken);
        var mediations = await db.Mediations
            .Where(x => x.StreetId == query.StreetId && x.HeldOn >= monthStart && x.HeldOn < monthStart.AddMonths(1))
            .GroupBy(x => x.Result).Select(g => new { Result = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Result, g => g.Count, cancellationToken);
        return new WindowFigures(
            monthStart,
            counts.Values.Sum(),
            Enum.GetValues<VisitPurpose>().Select(p => new PurposeCount(p, counts.GetValueOrDefault(p))).ToList(),
            matters,
            decided,
            mediations.Values.Sum(),
            mediations.GetValueOrDefault(MediationResult.Settlement));
    }
}
