using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Statistics;

/// <summary>
/// The street office's dispute statistics for a period, against the previous period: a street
/// officer's or coordinator's own street, every street of a judge's court side by side. One request
/// for every table, because one suppression decides what all of them may show: a table asked for on
/// its own could give away what another hides. Aggregates only; the definitions are in the README.
/// </summary>
[Allowed(Roles.StreetOfficer, Roles.Coordinator, Roles.Judge)]
public sealed record GetStreetStatistics(StatisticsPeriod Period) : IQuery<StreetStatistics>;

/// <param name="ScopeName">The street, or the judge's court.</param>
/// <param name="AsOfUtc">When the figures were read.</param>
public sealed record StreetStatistics(
    string ScopeName,
    bool CourtWide,
    IReadOnlyList<string> Streets,
    PeriodDays Period,
    PeriodDays Previous,
    DateTime AsOfUtc,
    IReadOnlyList<StatTable> Tables)
{
    public StatTable Table(string id) => Tables.Single(t => t.Id == id);
}

public sealed class GetStreetStatisticsValidator : AbstractValidator<GetStreetStatistics>
{
    public GetStreetStatisticsValidator() => RuleFor(x => x.Period).NotNull().SetValidator(new StatisticsPeriodValidator());
}

public sealed class GetStreetStatisticsHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetStreetStatistics, StreetStatistics>
{
    public async ValueTask<StreetStatistics> Handle(GetStreetStatistics query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var asOf = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var (days, previous) = (query.Period.Days(today), query.Period.Previous(today));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await StatisticsScope.OfAsync(db, me, cancellationToken);
        if (scope.Streets.Count == 0)
        {
            return new StreetStatistics(scope.Name, scope.CourtWide, [], days, previous, asOf, []);
        }

        return await StreetStatisticsReader.ReadAsync(db, scope, days, previous, asOf, cancellationToken);
    }
}

/// <summary>
/// Reads the statistics of a scope for a period against the previous one: the query's work, shared
/// with the reports, whose figures must be these same tables under the same suppression.
/// </summary>
internal static class StreetStatisticsReader
{
    public static async Task<StreetStatistics> ReadAsync(AppDbContext db, StatisticsScope scope, PeriodDays days, PeriodDays previous, DateTime asOf, CancellationToken cancellationToken)
    {
        var streetIds = scope.StreetIds;
        var places = await StatisticsPlaces.LoadAsync(db, streetIds, cancellationToken);
        var now = new StatisticsInput(
            await StatisticsData.CasesAsync(db, streetIds, days, cancellationToken),
            await StatisticsData.MeasuresAsync(db, streetIds, days, cancellationToken),
            await StatisticsData.MattersAsync(db, streetIds, days, cancellationToken),
            await StatisticsData.FeedbackAsync(db, streetIds, days, cancellationToken),
            await StatisticsData.GridTasksAsync(db, places.Grids.Select(g => g.Id).ToList(), days, cancellationToken));
        var before = new StatisticsInput(
            await StatisticsData.CaseTotalsAsync(db, streetIds, previous, cancellationToken),
            [],
            await StatisticsData.MatterTotalsAsync(db, streetIds, previous, cancellationToken),
            await StatisticsData.FeedbackAsync(db, streetIds, previous, cancellationToken),
            []);

        var tables = new StatisticsTables(scope, places, days, now, before).Build();
        return new StreetStatistics(scope.Name, scope.CourtWide, scope.Streets.Select(s => s.Name).ToList(), days, previous, asOf, tables);
    }
}
