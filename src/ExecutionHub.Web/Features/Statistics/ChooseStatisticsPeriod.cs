using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>
/// The period the statistics page opens on. Early in a month "this month" is nearly empty — every cell
/// 0, "&lt;3" or "*" — so the page opens on the last quarter that has ended (whole, and its figures no
/// longer move) when the sender's streets have cases or matters in it, else on the last 90 days.
/// </summary>
[Allowed(Roles.StreetOfficer, Roles.Coordinator, Roles.Judge)]
public sealed record ChooseStatisticsPeriod : IQuery<StatisticsPeriodChoice>;

/// <summary>Why the page opened on <see cref="StatisticsPeriodChoice.Period"/>: the page says it (<c>Statistics.Default.{Reason}</c>).</summary>
public enum StatisticsPeriodReason
{
    /// <summary>The last quarter that has ended has cases or matters.</summary>
    LastQuarterHasData = 1,

    /// <summary>The last quarter has none; the last 90 days have some.</summary>
    LastQuarterEmpty = 2,

    /// <summary>Neither has any: the last 90 days, which the next case recorded will show up in.</summary>
    NoData = 3,
}

public sealed record StatisticsPeriodChoice(StatisticsPeriod Period, StatisticsPeriodReason Reason);

public sealed class ChooseStatisticsPeriodHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ChooseStatisticsPeriod, StatisticsPeriodChoice>
{
    private static readonly StatisticsPeriod LastQuarter = new(StatisticsPeriodKind.LastQuarter);
    private static readonly StatisticsPeriod Last90Days = new(StatisticsPeriodKind.Last90Days);

    public async ValueTask<StatisticsPeriodChoice> Handle(ChooseStatisticsPeriod query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var today = ChinaTime.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var streetIds = (await StatisticsScope.OfAsync(db, me, cancellationToken)).StreetIds;
        if (await StatisticsData.AnyAsync(db, streetIds, LastQuarter.Days(today), cancellationToken))
        {
            return new(LastQuarter, StatisticsPeriodReason.LastQuarterHasData);
        }

        return await StatisticsData.AnyAsync(db, streetIds, Last90Days.Days(today), cancellationToken)
            ? new(Last90Days, StatisticsPeriodReason.LastQuarterEmpty)
            : new(Last90Days, StatisticsPeriodReason.NoData);
    }
}
