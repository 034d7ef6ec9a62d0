namespace ExecutionHub.Web.Domain;

/// <summary>
/// Working days and hours in China: Monday to Friday, 09:00–17:00 Shanghai time, except public
/// holidays, plus the make-up working days (调休) that fall on weekends. Times in and out are UTC.
/// </summary>
public sealed class WorkingCalendar(IReadOnlyDictionary<DateOnly, CalendarDayKind> exceptions)
{
    public static readonly TimeSpan DayStart = TimeSpan.FromHours(9);
    public static readonly TimeSpan DayEnd = TimeSpan.FromHours(17);
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static readonly WorkingCalendar WeekdaysOnly = new(new Dictionary<DateOnly, CalendarDayKind>());

    public bool IsWorkingDay(DateOnly date) =>
        exceptions.TryGetValue(date, out var kind)
            ? kind == CalendarDayKind.MakeUpWorkday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The instant <paramref name="hours"/> working hours after <paramref name="startUtc"/>.</summary>
    public DateTime AddWorkingHours(DateTime startUtc, double hours)
    {
        var local = startUtc + ChinaOffset;
        var remaining = TimeSpan.FromHours(hours);
        var day = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        for (var guard = 0; guard < 3660; guard++)
        {
            if (IsWorkingDay(day))
            {
                var from = time < DayStart ? DayStart : time;
                if (from < DayEnd)
                {
                    var available = DayEnd - from;
                    if (remaining <= available)
                    {
                        return DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) + from + remaining - ChinaOffset, DateTimeKind.Utc);
                    }

                    remaining -= available;
                }
            }

            day = day.AddDays(1);
            time = TimeSpan.Zero;
        }

        throw new InvalidOperationException("The working calendar has no working day within ten years.");
    }

    /// <summary>Parses an imported list: one date per line, "yyyy-MM-dd" for a holiday or "yyyy-MM-dd 班" / "yyyy-MM-dd workday" for a make-up day; a name may follow.</summary>
    public static IReadOnlyList<CalendarDay> ParseList(string text)
    {
        var days = new List<CalendarDay>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                throw new FormatException(line);
            }

            var makeUp = parts.Skip(1).Any(p => p is "班" or "上班" or "workday" or "补班");
            var name = string.Join(' ', parts.Skip(1).Where(p => p is not ("班" or "上班" or "workday" or "补班" or "休" or "holiday")));
            days.Add(new CalendarDay { Date = date, Kind = makeUp ? CalendarDayKind.MakeUpWorkday : CalendarDayKind.Holiday, Name = name });
        }

        return days;
    }
}

/// <summary>Due times under a policy: calendar hours, or working hours on the working calendar.</summary>
public static class Deadlines
{
    public static DateTime DueAt(DateTime startUtc, int hours, ClockMode mode, WorkingCalendar calendar) =>
        mode == ClockMode.WorkingHours ? calendar.AddWorkingHours(startUtc, hours) : startUtc.AddHours(hours);
}
