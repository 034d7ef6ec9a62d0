namespace ExecutionHub.Web.Domain;

/// <summary>The street office's periodic governance output and the span of calendar months it covers.</summary>
public enum ReportKind
{
    /// <summary>区域涉执社情画像报告, one month.</summary>
    MonthlyPortrait = 1,

    /// <summary>区域涉执社情画像报告, one calendar quarter.</summary>
    QuarterlyPortrait = 2,

    /// <summary>白皮书, one half-year.</summary>
    HalfYearWhitePaper = 3,
}

public enum ReportState
{
    Draft = 1,
    Published = 2,
}

/// <summary>
/// A street's portrait report or white paper for a period. Its figures are a snapshot of the street
/// statistics (aggregates only, already suppressed), taken when the draft is generated and
/// replaced when it is regenerated; publishing freezes the snapshot and the suggestions for good.
/// (Street, kind, first month) is unique, so the monthly job and a coordinator cannot both draft the same report.
/// </summary>
public sealed class Report
{
    public const int MaxSuggestionsLength = 8000;

    public int Id { get; set; }
    public int StreetId { get; set; }
    public ReportKind Kind { get; set; }

    /// <summary>The first day of the first month covered.</summary>
    public DateOnly PeriodStart { get; set; }

    public ReportState State { get; set; } = ReportState.Draft;

    /// <summary>The computed tables as JSON: what every view and file of the report shows.</summary>
    public string Snapshot { get; set; } = "";

    /// <summary>Governance suggestions written by the coordinator (free text, no personal data by policy).</summary>
    public string Suggestions { get; set; } = "";

    public DateTime GeneratedAtUtc { get; set; }

    /// <summary>Who generated the current figures; null when the monthly job drafted them.</summary>
    public string? GeneratedById { get; set; }

    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedById { get; set; }
    public int Version { get; set; }

    public bool IsPublished => State == ReportState.Published;

    /// <summary>How many calendar months a report of <paramref name="kind"/> covers.</summary>
    public static int MonthsOf(ReportKind kind) => kind switch
    {
        ReportKind.QuarterlyPortrait => 3,
        ReportKind.HalfYearWhitePaper => 6,
        _ => 1,
    };

    /// <summary>Whether <paramref name="start"/> begins a period of <paramref name="kind"/>: a month, a calendar quarter, a half-year.</summary>
    public static bool StartsPeriod(ReportKind kind, DateOnly start) =>
        start.Day == 1 && (start.Month - 1) % MonthsOf(kind) == 0;

    public DateOnly PeriodEnd => PeriodStart.AddMonths(MonthsOf(Kind)).AddDays(-1);

    public void Regenerate(string snapshot, DateTime atUtc, string? byId)
    {
        EnsureDraft();
        Snapshot = snapshot;
        GeneratedAtUtc = atUtc;
        GeneratedById = byId;
    }

    public void EditSuggestions(string suggestions)
    {
        EnsureDraft();
        Suggestions = suggestions.Trim();
    }

    public void Publish(DateTime atUtc, string byId)
    {
        EnsureDraft();
        State = ReportState.Published;
        PublishedAtUtc = atUtc;
        PublishedById = byId;
    }

    private void EnsureDraft()
    {
        if (IsPublished)
        {
            throw new DomainRuleException("Report.Error.Published");
        }
    }
}
