using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Infrastructure.Time;
using Mediator;

namespace ExecutionHub.Web.Features.Api;

/// <summary>The dashboard's headline figures, same definitions; null where there is nothing to average.</summary>
public sealed record ApiHeadlineFigures(
    int WhereaboutsVerified,
    int AssetCluesVerified,
    double? AverageFeedbackCycleHours,
    double? OnTimeRate,
    int Open,
    int DueSoon,
    int Overdue);

public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics/headline", async (DateOnly? from, DateOnly? to, int? street, ISender sender, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var filter = from is null && to is null
                    ? new DashboardFilter(DashboardPeriod.SinceOpened, StreetId: street)
                    : new DashboardFilter(DashboardPeriod.Custom, from ?? DateOnly.MinValue, to ?? ChinaTime.Today(clock), StreetId: street);
                var figures = await sender.Send(new GetHeadlineFigures(filter), cancellationToken);
                return TypedResults.Ok(new ApiHeadlineFigures(
                    figures.WhereaboutsVerified,
                    figures.AssetCluesVerified,
                    figures.AverageCycleHours is { } hours ? Math.Round(hours, 2) : null,
                    figures.OnTimeRate is { } rate ? Math.Round(rate, 4) : null,
                    figures.Open,
                    figures.DueSoon,
                    figures.Overdue));
            })
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.StatisticsRead))
            .WithName("GetHeadlineFigures")
            .WithSummary("Headline figures")
            .WithDescription("The figures of the court's live dashboard for this client's court, with the same definitions: whereabouts verified (found) and asset clues verified among matters first fed back in the period, their average feedback cycle in hours (paused time excluded) and on-time rate, and the open, due-soon and overdue matters now. from and to are Asia/Shanghai days (both included; omit both for since the workstation opened); street narrows to one street.")
            .Produces<ApiHeadlineFigures>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
