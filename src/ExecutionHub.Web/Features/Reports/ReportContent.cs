using System.Text.Json;
using System.Text.Json.Serialization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>
/// What a report shows: the street statistics of its period, as suppressed tables (labels as resource
/// keys or place names, so the snapshot reads in either language), and the risk warnings. Stored as
/// JSON on the report; a published report is never computed again.
/// </summary>
/// <param name="Warnings">The risk warnings of the period in aggregate form; null when no warnings data was available when the figures were taken.</param>
public sealed record ReportContent(
    string StreetName,
    PeriodDays Period,
    PeriodDays Previous,
    DateTime AsOfUtc,
    IReadOnlyList<StatTable> Tables,
    StatTable? Warnings = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public StatTable? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);

    /// <summary>The figures as the statistics page would hold them, so the page's table view and exports serve the report too.</summary>
    public StreetStatistics AsStatistics() => new(StreetName, false, [StreetName], Period, Previous, AsOfUtc, Tables);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ReportContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportContent>(json, Json) ?? throw new InvalidOperationException("A report snapshot is empty.");

    /// <summary>Reads the street's statistics for the report's period (against as many months before) as they stand now.</summary>
    public static async Task<ReportContent> ComputeAsync(AppDbContext db, int streetId, ReportKind kind, DateOnly periodStart, TimeProvider clock, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var street = await db.Streets.Where(s => s.Id == streetId).Select(s => new ScopeStreet(s.Id, s.Name)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new Infrastructure.Mediator.NotFoundException($"Street {streetId}");
        var period = new StatisticsPeriod(StatisticsPeriodKind.Custom, periodStart, periodStart.AddMonths(Report.MonthsOf(kind) - 1));
        var scope = new StatisticsScope(street.Name, false, [street]);
        var statistics = await StreetStatisticsReader.ReadAsync(db, scope, period.Days(today), period.Previous(today), nowUtc, cancellationToken);

        return new ReportContent(street.Name, statistics.Period, statistics.Previous, nowUtc, statistics.Tables,
            await WarningsAsync(db, streetId, statistics.Period, cancellationToken));
    }

    /// <summary>
    /// The street's risk warnings whose quarter overlaps the period, most severe first, as aggregate
    /// evidence only: what the rule found, how severe, how many cases (a count under 3 as "&lt;3") and
    /// the amount owed when the count may be shown. Never a respondent.
    /// </summary>
    private static async Task<StatTable> WarningsAsync(AppDbContext db, int streetId, PeriodDays period, CancellationToken cancellationToken)
    {
        var warnings = await db.RiskWarnings.AsNoTracking()
            .Where(w => w.StreetId == streetId && w.PeriodEnd >= period.First && w.PeriodStart <= period.Last)
            .OrderByDescending(w => w.Severity).ThenBy(w => w.Rule).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
        var rows = warnings.Select(w =>
        {
            var title = w.Rule is RiskRuleKind.IndustrySpike or RiskRuleKind.TaggedCases
                ? StatText.Name(ExecutionHub.Web.Features.Warnings.RiskWarningText.Title(w))
                : StatText.Of($"Warning.Title.{w.Rule}");
            var count = new SuppressedCount(w.CaseCount);
            return new StatRow(title with { Prefix = StatText.Of($"WarningSeverity.{w.Severity}") }, [StatValue.Count(count), StatValue.Of(count, w.AmountOwed)]);
        }).ToList();
        return new StatTable(ReportSections.Warnings, [new(StatText.Of("Statistics.Col.Cases"), StatMeasure.Count), new(StatText.Of("Statistics.Col.AmountOwed"), StatMeasure.Yuan)], rows)
        {
            Chart = StatChart.None,
        };
    }
}

/// <summary>The sections of a report, in order, and the statistics tables each shows.</summary>
public static class ReportSections
{
    public const string Warnings = "warnings";
    public const string Suggestions = "suggestions";

    public static readonly IReadOnlyList<(string Key, IReadOnlyList<string> Tables)> Figures =
    [
        ("overview", ["overview", "by-month"]),
        ("cases", ["by-industry", "by-cause", "by-community", "heat"]),
        ("outcomes", ["by-outcome", "by-measure"]),
        ("feedback", ["by-type", "by-grid"]),
    ];

    /// <summary>The tables of a section that the content holds, in the section's order.</summary>
    public static IReadOnlyList<StatTable> TablesOf(ReportContent content, IReadOnlyList<string> ids) =>
        ids.Select(content.Table).OfType<StatTable>().ToList();
}
