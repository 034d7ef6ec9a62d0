namespace ExecutionHub.Web.Domain;

/// <summary>
/// What the dashboard narrows counts by: court, street, judge and matter type. A matter has them, and so has
/// each row of the dashboard's per-day tallies, so one filter selects both the same way.
/// </summary>
public interface IMatterDimensions
{
    int CourtId { get; }

    int StreetId { get; }

    string JudgeId { get; }

    MatterType Type { get; }
}
