namespace ExecutionHub.Web.Domain;

/// <summary>
/// The dates a person may give the workstation. Nothing it records happened before
/// <see cref="Earliest"/> (the execution records any court still holds start long after) or after
/// tomorrow (a clerk in another time zone, a late-evening entry); what it plans — a due date, an
/// instalment, a meeting, a holiday — lies at most <see cref="PlannedYears"/> ahead.
/// </summary>
public static class SaneDates
{
    public static readonly DateOnly Earliest = new(1980, 1, 1);

    public const int PlannedYears = 10;

    public static DateOnly Latest(DateOnly today, bool planned) => planned ? today.AddYears(PlannedYears) : today.AddDays(1);

    public static bool IsSane(DateOnly date, DateOnly today, bool planned) => date >= Earliest && date <= Latest(today, planned);
}

/// <summary>Marks a date a request plans ahead (due, instalment, meeting, calendar day): it may lie up to <see cref="SaneDates.PlannedYears"/> years ahead.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlannedDateAttribute : Attribute;
