using System.Globalization;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Infrastructure.Export;
using ExecutionHub.Web.Infrastructure.Localization;

namespace ExecutionHub.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figure table and queues as files: exactly the rows on screen, with the period
/// and filters named above the table and in the file name.
/// </summary>
public static class DashboardExport
{
    public static IReadOnlyList<ExportFilter> Filters(DashboardFilter filter, HeadlineFigures figures, DashboardFilterOptions options)
    {
        var period = UiText.Get($"Dashboard.Period.{filter.Period}");
        var days = figures.First is { } first
            ? string.Format(CultureInfo.CurrentCulture, UiText.Get("Dashboard.PeriodRange"), Day(first), Day(figures.Last))
            : string.Format(CultureInfo.CurrentCulture, UiText.Get("Dashboard.PeriodSince"), Day(figures.Last));
        var list = new List<ExportFilter>
        {
            new(UiText.Get("Dashboard.Scope"), options.ScopeName),
            new(UiText.Get("Dashboard.Period"), $"{period} ({days})") { FileNamePart = figures.First is { } from ? $"{Day(from)}至{Day(figures.Last)}" : period },
        };
        if (filter.StreetId is { } street)
        {
            list.Add(new(UiText.Get("Matters.Street"), Name(options.Streets, street.ToString(CultureInfo.InvariantCulture))));
        }

        if (filter.CourtId is { } court)
        {
            list.Add(new(UiText.Get("Dashboard.Court"), Name(options.Courts, court.ToString(CultureInfo.InvariantCulture))));
        }

        if (filter.JudgeId is { } judge)
        {
            list.Add(new(UiText.Get("Dashboard.Judge"), Name(options.Judges, judge)));
        }

        if (filter.Type is { } type)
        {
            list.Add(new(UiText.Get("Dashboard.Type"), UiText.Get($"MatterType.{type}")));
        }

        return list;
    }

    public static ExportTable Figures(HeadlineFigures figures, IReadOnlyList<ExportFilter> filters, DateTime nowUtc) => new()
    {
        Title = UiText.Get("Dashboard.FiguresTitle"),
        Filters = filters,
        ExportedAtUtc = nowUtc,
        Headers = [UiText.Get("Dashboard.Figure"), UiText.Get("Dashboard.Value"), UiText.Get("Dashboard.Definition")],
        Rows = HeadlineTable.Rows(figures)
            .Select(row => (IReadOnlyList<object?>)[UiText.Get($"Figure.{row.Key}"), row.Value, UiText.Get($"Figure.{row.Key}.Definition")])
            .ToList(),
    };

    public static ExportTable Queue(string title, QueueList queue, IReadOnlyList<ExportFilter> filters, DateTime nowUtc) => new()
    {
        Title = title,
        Filters = filters,
        ExportedAtUtc = nowUtc,
        Headers =
        [
            UiText.Get("Matter.Reference"), UiText.Get("Dashboard.Type"), UiText.Get("Progress.CaseNumber"), UiText.Get("Matters.Street"),
            UiText.Get("Matter.DueAt"), UiText.Get("Dashboard.Clock"), UiText.Get("Dashboard.FedBackColumn"),
        ],
        Rows = queue.Rows.Select(row => (IReadOnlyList<object?>)
        [
            row.Reference, UiText.Get($"MatterType.{row.Type}"), row.CaseNumber, row.StreetName, row.DueAtUtc,
            row.FedBackAtUtc is null ? Clock(row.DueAtUtc - nowUtc) : null, row.FedBackAtUtc,
        ]).ToList(),
        Notes = queue.Total > queue.Rows.Count
            ? [string.Format(CultureInfo.CurrentCulture, UiText.Get("Dashboard.MoreRows"), queue.Rows.Count, queue.Total)]
            : [],
    };

    private static string Clock(TimeSpan left) => string.Format(CultureInfo.CurrentCulture,
        UiText.Get(left < TimeSpan.Zero ? "Dashboard.OverdueBy" : "Dashboard.TimeLeft"), Durations.Format(left));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(IReadOnlyList<Choice> choices, string id) => choices.FirstOrDefault(c => c.Id == id)?.Name ?? id;
}
