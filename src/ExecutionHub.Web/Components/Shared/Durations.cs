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

    public static string Hours(TimeSpan span) => span.TotalHours.ToString("0.0", CultureInfo.CurrentCulture);
}
