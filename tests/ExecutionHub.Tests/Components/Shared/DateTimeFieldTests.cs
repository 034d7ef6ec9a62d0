using Bunit;
using ExecutionHub.Web.Components.Shared;

namespace ExecutionHub.Tests.Components.Shared;

public sealed class DateTimeFieldTests : BunitTestBase
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Shows_the_date_year_first_and_the_time_on_a_24_hour_clock(string culture)
    {
        UseCulture(culture);

        var cut = Render<DateTimeField>(p => p
            .Add(x => x.Value, new DateTime(2026, 12, 7, 20, 29, 0))
            .Add(x => x.Label, "走访时间")
            .Add(x => x.TestId, "visited"));

        var inputs = cut.FindAll("input");
        Assert.Equal("2026-12-07", inputs[0].GetAttribute("value"));
        Assert.Equal("20:29", inputs[1].GetAttribute("value"));
    }

    [Fact]
    public async Task Gives_the_moment_once_both_the_date_and_the_time_are_chosen()
    {
        DateTime? value = null;
        var cut = Render<DateTimeField>(p => p
            .Add(x => x.ValueChanged, (DateTime? v) => value = v));

        var pickers = cut.FindComponents<MudBlazor.MudDatePicker>();
        await cut.InvokeAsync(() => pickers[0].Instance.DateChanged.InvokeAsync(new DateTime(2026, 12, 7)));
        Assert.Null(value);

        var time = cut.FindComponent<MudBlazor.MudTimePicker>();
        await cut.InvokeAsync(() => time.Instance.TimeChanged.InvokeAsync(new TimeSpan(8, 29, 0)));
        Assert.Equal(new DateTime(2026, 12, 7, 8, 29, 0), value);
    }
}
