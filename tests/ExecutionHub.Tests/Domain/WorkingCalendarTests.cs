using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Time;

namespace ExecutionHub.Tests.Domain;

public sealed class WorkingCalendarTests
{
    // National Day 2026: 1–7 October off, Sunday 27 September and Saturday 10 October worked (调休).
    private static readonly WorkingCalendar Calendar = new(WorkingCalendar.ParseList("""
        2026-10-01 国庆节
        2026-10-02 国庆节
        2026-10-05 国庆节
        2026-10-06 国庆节
        2026-10-07 国庆节
        2026-09-27 班
        2026-10-10 班
        """).ToDictionary(d => d.Date, d => d.Kind));

    private static DateTime Shanghai(int month, int day, int hour) => ChinaTime.ToUtc(new DateTime(2026, month, day, hour, 0, 0));

    [Fact]
    public void A_matter_received_the_afternoon_before_a_holiday_is_due_after_the_holiday()
    {
        var received = Shanghai(9, 30, 15);

        var due = Deadlines.DueAt(received, 8, ClockMode.WorkingHours, Calendar);

        // 2 hours on 30 September, then nothing until Thursday 8 October: 6 more hours by 15:00.
        Assert.Equal(Shanghai(10, 8, 15), due);
    }

    [Fact]
    public void A_make_up_working_day_counts_as_a_working_day()
    {
        var received = Shanghai(10, 9, 16);

        var due = Deadlines.DueAt(received, 4, ClockMode.WorkingHours, Calendar);

        // 1 hour on Friday 9 October, 3 on Saturday 10 October (a make-up working day).
        Assert.Equal(Shanghai(10, 10, 12), due);
    }

    [Fact]
    public void Calendar_hours_ignore_the_calendar()
    {
        var received = Shanghai(9, 30, 15);

        Assert.Equal(received.AddHours(72), Deadlines.DueAt(received, 72, ClockMode.CalendarHours, Calendar));
    }

    [Fact]
    public void An_ordinary_weekend_is_skipped_in_working_hours()
    {
        Assert.Equal(Shanghai(11, 30, 10), Deadlines.DueAt(Shanghai(11, 27, 16), 2, ClockMode.WorkingHours, WorkingCalendar.WeekdaysOnly));
    }

    [Fact]
    public void A_list_line_that_is_not_a_date_is_refused() =>
        Assert.Throws<FormatException>(() => WorkingCalendar.ParseList("2026-13-01"));

    [Fact]
    public void A_list_line_of_separators_only_is_refused_as_a_format_error() =>
        Assert.Throws<FormatException>(() => WorkingCalendar.ParseList("2026-10-01\n，，\n"));
}
