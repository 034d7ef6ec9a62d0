using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Infrastructure.Time;
using Mediator;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// The dashboard's headline figures, field for field (<see cref="HeadlineFields"/>), same definitions; null where there is
/// nothing to average or rank.
/// </summary>
public sealed record ApiHeadlineFigures(
    int WhereaboutsVerified,
    int AssetCluesVerified,
    double? AverageFeedbackCycleHours,
    double? OnTimeRate,
    double? MedianCycleHours,
    double? P90CycleHours,
    int FedBack,
    int Open,
    int DueSoon,
    int Overdue,
    int FedBackThisWeek);

/// <summary>
/// Which API field carries which dashboard card (<see cref="HeadlineTable"/>'s keys). The definitions live once, in the
/// resources' <c>Figure.{Key}.Definition</c>: the dashboard's ⓘ buttons show them, the OpenAPI document describes each
/// field with the English one, and a test holds docs/api.md's table to the same words.
/// </summary>
public static class HeadlineFields
{
    public static readonly IReadOnlyList<(string Field, string Figure)> All =
    [
        ("whereaboutsVerified", "WhereaboutsVerified"),
        ("assetCluesVerified", "AssetCluesVerified"),
        ("averageFeedbackCycleHours", "AverageCycle"),
        ("onTimeRate", "OnTimeRate"),
        ("medianCycleHours", "MedianCycle"),
        ("p90CycleHours", "Percentile90Cycle"),
        ("fedBack", "FedBack"),
        ("open", "Open"),
        ("dueSoon", "DueSoon"),
        ("overdue", "Overdue"),
        ("fedBackThisWeek", "FedBackThisWeek"),
    ];

    public static string Definition(string figure) =>
        Infrastructure.Localization.UiText.Get($"Figure.{figure}.Definition", System.Globalization.CultureInfo.GetCultureInfo("en"));

    public static ApiHeadlineFigures From(HeadlineFigures figures) => new(
        figures.WhereaboutsVerified,
        figures.AssetCluesVerified,
        Hours(figures.AverageCycleHours),
        figures.OnTimeRate is { } rate ? Math.Round(rate, 4) : null,
        Hours(figures.MedianCycleHours),
        Hours(figures.Percentile90CycleHours),
        figures.FedBack,
        figures.Open,
        figures.DueSoon,
        figures.Overdue,
        figures.FedBackThisWeek);

    private static double? Hours(double? hours) => hours is { } value ? Math.Round(value, 2) : null;
}

public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics/headline", async (DateOnly? from, DateOnly? to, string? street, ISender sender, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var filter = from is null && to is null
                    ? new DashboardFilter(DashboardPeriod.SinceOpened)
                    : new DashboardFilter(DashboardPeriod.Custom, from ?? DateOnly.MinValue, to ?? ChinaTime.Today(clock));
                var figures = await sender.Send(new GetHeadlineFigures(filter, string.IsNullOrWhiteSpace(street) ? null : street), cancellationToken);
                return TypedResults.Ok(HeadlineFields.From(figures));
            })
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.StatisticsRead))
            .WithName("GetHeadlineFigures")
            .WithSummary("Headline figures")
            .WithDescription("The figures of the court's live dashboard for this client's court, field for field and with the same definitions (each field's description): whereabouts verified (found) and asset clues verified among matters first fed back in the period, how many were fed back (the base of the average, percentiles and rate), their average, median and 90th-percentile feedback cycle in hours (paused time excluded) and on-time rate, the open, due-soon and overdue matters now, and those fed back this week. from and to are Asia/Shanghai days (both included; omit both for since the workstation opened); street narrows to one street of this client's court, by code or id (GET /api/v1/streets); an unknown street, or another court's, is 422 with errors.street.")
            .Produces<ApiHeadlineFigures>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
