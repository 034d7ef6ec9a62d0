namespace ExecutionHub.Web.Domain;

/// <summary>
/// The Asia/Shanghai calendar day of an instant as a day number (<see cref="DateOnly.DayNumber"/>;
/// day 0 is a Monday, so day / 7 is a Monday-based week). China keeps UTC+8 all year. Matters store
/// these numbers next to their UTC times so statistics group by local day and week with plain
/// integer arithmetic on any database.
/// </summary>
public static class LocalDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static int Of(DateTime utc) => DateOnly.FromDateTime(utc + Offset).DayNumber;

    public static DateOnly Date(int dayNumber) => DateOnly.FromDayNumber(dayNumber);

    /// <summary>The UTC instant the local day begins.</summary>
    public static DateTime StartUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>The first day of the calendar quarter the day falls in.</summary>
    public static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);

    /// <summary>1 to 4: the calendar quarter the day falls in.</summary>
    public static int Quarter(DateOnly day) => ((day.Month - 1) / 3) + 1;

    /// <summary>The Monday of the week the day falls in.</summary>
    public static DateOnly WeekStart(DateOnly day) => DateOnly.FromDayNumber(day.DayNumber - (day.DayNumber % 7));
}
