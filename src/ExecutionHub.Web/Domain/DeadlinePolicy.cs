namespace ExecutionHub.Web.Domain;

public enum ClockMode
{
    /// <summary>Hours run day and night, weekends and holidays included (the default).</summary>
    CalendarHours = 1,

    /// <summary>Hours run only inside working hours on working days of the working calendar.</summary>
    WorkingHours = 2,
}

/// <summary>The deadlines of one matter type, editable by an administrator.</summary>
public sealed class DeadlinePolicy
{
    public MatterType MatterType { get; set; }
    public int FeedbackWindowHours { get; set; } = 72;
    public int DueSoonHours { get; set; } = 24;
    public int EscalationHours { get; set; } = 24;
    public int TaskSubDeadlineHours { get; set; } = 48;
    public ClockMode ClockMode { get; set; } = ClockMode.CalendarHours;

    public static DeadlinePolicy Default(MatterType type) => new() { MatterType = type };
}

public enum CalendarDayKind
{
    /// <summary>A public holiday (法定节假日), a day off even on a weekday.</summary>
    Holiday = 1,

    /// <summary>A make-up working day (调休上班), a working day even on a weekend.</summary>
    MakeUpWorkday = 2,
}

/// <summary>One exception to the Monday-to-Friday week in the working calendar.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
}
