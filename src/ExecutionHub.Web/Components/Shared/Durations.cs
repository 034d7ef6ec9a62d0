using System.Globalization;
using ExecutionHub.Web.Infrastructure.Localization;

namespace ExecutionHub.Web.Components.Shared;

/// <summary>Spans of time for people: "2天3小时" / "2d 3h", "5小时12分" / "5h 12m".</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        var value = span.Duration();
        return value.TotalDays >= 1
            ? string.Format(CultureInfo.CurrentCulture, UiText.Get("Duration.DaysHours"), (int)value.TotalDays, value.Hours)
            : string.Format(CultureInfo.CurrentCulture, UiText.Get("Duration.HoursMinutes"), (int)value.TotalHours, value.Minutes);
    }

    /// <summary>A ticking countdown: "03:12:08", or "2天 03:12:08" past a day; the sign is the caller's to say.</summary>
    public static string Countdown(TimeSpan span)
    {
        var value = span.Duration();
        var clock = string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}:{2:00}", value.Hours, value.Minutes, value.Seconds);
        return value.TotalDays >= 1
            ? string.Format(CultureInfo.CurrentCulture, UiText.Get("Duration.DaysClock"), (int)value.TotalDays, clock)
            : clock;
    }

    public static string Hours(TimeSpan span) => span.TotalHours.ToString("0.0", CultureInfo.CurrentCulture);
}
