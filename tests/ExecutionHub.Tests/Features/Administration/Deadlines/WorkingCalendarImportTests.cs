using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Deadlines;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Deadlines;

/// <summary>Uses 2031, a year no seeded or shipped list covers, so counts are the test's own.</summary>
public sealed class WorkingCalendarImportTests
{
    private const string Spring2031 = """
        # 测试用：2031 年春节
        2031-01-22 春节
        2031-01-23 春节
        2031-01-26 班 春节调休
        """;

    private static async Task<List<CalendarDayRow>> DaysAsync(TestApp app, int year) =>
        [.. (await app.SendAsync(new ListCalendarDays(year))).Days];

    [Fact]
    public async Task Importing_a_list_adds_its_holidays_and_make_up_days_and_audits_it()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var result = await app.SendAsync(new ImportCalendarDays { Text = Spring2031 });

        Assert.Equal(new CalendarImportResult(3, 0, 0, 0), result);
        Assert.Equal(
            [new(new DateOnly(2031, 1, 22), CalendarDayKind.Holiday, "春节"), new(new DateOnly(2031, 1, 23), CalendarDayKind.Holiday, "春节"), new CalendarDayRow(new DateOnly(2031, 1, 26), CalendarDayKind.MakeUpWorkday, "春节调休")],
            await DaysAsync(app, 2031));
        Assert.Contains(2031, (await app.SendAsync(new ListCalendarDays(2031))).YearsWithDays);
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "Deadlines.CalendarImported"));
    }

    [Fact]
    public async Task Importing_a_bad_line_is_refused_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await using var before = await app.DbAsync();
        var count = await before.CalendarDays.CountAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new ImportCalendarDays { Text = "2031-01-22 春节\n2031-01-23 春节\n1月24日 春节\n" }));

        var failure = Assert.Single(refused.Errors);
        Assert.Equal("Admin.Deadlines.Import.BadLine", failure.ErrorCode);
        Assert.Contains("3", failure.ErrorMessage);
        Assert.Contains("1月24日 春节", failure.ErrorMessage);
        await using var db = await app.DbAsync();
        Assert.Equal(count, await db.CalendarDays.CountAsync());
        Assert.False(await db.Audit.AnyAsync(a => a.Action == "Deadlines.CalendarImported"));
    }

    [Theory]
    [InlineData("", "NotEmptyValidator")]
    [InlineData("# 只有注释\n", "Admin.Deadlines.Import.Empty")]
    [InlineData("2031-01-22 春节\n2031-01-22 班", "Admin.Deadlines.Import.DuplicateDate")]
    [InlineData("，，", "Admin.Deadlines.Import.BadLine")]
    [InlineData("2031-02-30", "Admin.Deadlines.Import.BadLine")]
    public async Task Lists_that_cannot_be_imported_are_refused_with_a_reason(string text, string errorCode)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new ImportCalendarDays { Text = text }));

        Assert.Contains(refused.Errors, e => e.ErrorCode == errorCode);
    }

    [Fact]
    public async Task Importing_twice_updates_instead_of_duplicating()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new ImportCalendarDays { Text = Spring2031 });

        var again = await app.SendAsync(new ImportCalendarDays { Text = Spring2031.Replace("2031-01-23 春节", "2031-01-23 春节（除夕）").Replace("2031-01-26 班 春节调休", "2031-01-26 春节") });

        Assert.Equal(new CalendarImportResult(0, 2, 1, 0), again);
        var days = await DaysAsync(app, 2031);
        Assert.Equal(3, days.Count);
        Assert.Equal("春节（除夕）", days.Single(d => d.Date == new DateOnly(2031, 1, 23)).Name);
        Assert.Equal(CalendarDayKind.Holiday, days.Single(d => d.Date == new DateOnly(2031, 1, 26)).Kind);
    }

    [Fact]
    public async Task Replacing_a_year_removes_its_other_days()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new ImportCalendarDays { Text = Spring2031 + "\n2032-01-01 元旦" });

        var result = await app.SendAsync(new ImportCalendarDays { Text = "2031-01-23 春节\n2031-02-01 春节", ReplaceYear = 2031 });

        Assert.Equal(new CalendarImportResult(1, 0, 1, 2), result);
        Assert.Equal([new DateOnly(2031, 1, 23), new DateOnly(2031, 2, 1)], (await DaysAsync(app, 2031)).Select(d => d.Date));
        Assert.Equal([new DateOnly(2032, 1, 1)], (await DaysAsync(app, 2032)).Select(d => d.Date));
    }

    [Fact]
    public async Task Deleting_a_day_removes_only_that_day()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await app.SendAsync(new ImportCalendarDays { Text = Spring2031 });

        await app.SendAsync(new DeleteCalendarDay(new DateOnly(2031, 1, 26)));

        Assert.Equal([new DateOnly(2031, 1, 22), new DateOnly(2031, 1, 23)], (await DaysAsync(app, 2031)).Select(d => d.Date));
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "Deadlines.CalendarDayDeleted"));
    }

    [Fact]
    public void The_shipped_2026_list_holds_the_official_holidays_and_make_up_days()
    {
        var text = OfficialHolidayLists.For(2026);

        Assert.NotNull(text);
        Assert.Contains(2026, OfficialHolidayLists.Years);
        Assert.Null(CalendarList.Check(text));
        var days = WorkingCalendar.ParseList(text);
        Assert.Equal(33, days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new DateOnly(2026, 10, 10)],
            days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date));
        Assert.All(days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday), d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }
}
