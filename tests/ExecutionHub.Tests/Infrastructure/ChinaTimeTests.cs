using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.Extensions.Time.Testing;

namespace ExecutionHub.Tests.Infrastructure;

public sealed class ChinaTimeTests
{
    [Fact]
    public void Utc_times_are_shown_in_shanghai_time() =>
        Assert.Equal("2026-11-27 09:30", ChinaTime.Format(new DateTime(2026, 11, 27, 1, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void Shanghai_wall_clock_converts_back_to_utc() =>
        Assert.Equal(new DateTime(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc), ChinaTime.ToUtc(new DateTime(2026, 11, 27, 0, 0, 0)));

    [Fact]
    public void Today_turns_over_at_shanghai_midnight_not_utc_midnight()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 27), ChinaTime.Today(clock));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2026, 11, 28), ChinaTime.Today(clock));
    }
}
