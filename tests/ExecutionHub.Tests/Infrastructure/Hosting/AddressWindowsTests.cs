using System.Net;
using ExecutionHub.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ExecutionHub.Tests.Infrastructure.Hosting;

public sealed class AddressWindowsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_full_window_refuses_with_the_time_left_until_the_next_minute_and_the_next_minute_allows_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 12, 500, TimeSpan.Zero));
        var windows = new AddressWindows(clock);

        Assert.Null(windows.TryAcquire("Api", "198.51.100.1", 2, Minute));
        Assert.Null(windows.TryAcquire("Api", "198.51.100.1", 2, Minute));
        var refused = windows.TryAcquire("Api", "198.51.100.1", 2, Minute);

        Assert.Equal(TimeSpan.FromSeconds(47.5), refused!.Value.RetryAfter);
        Assert.Equal(48, AddressLimits.RetryAfterSeconds(refused.Value.RetryAfter));
        Assert.True(refused.Value.FirstInWindow);
        Assert.False(windows.TryAcquire("Api", "198.51.100.1", 2, Minute)!.Value.FirstInWindow);
        Assert.Null(windows.TryAcquire("Api", "198.51.100.2", 2, Minute));
        Assert.Null(windows.TryAcquire("SignIn", "198.51.100.1", 2, Minute));

        clock.Advance(TimeSpan.FromSeconds(47.5));
        Assert.Null(windows.TryAcquire("Api", "198.51.100.1", 2, Minute));
    }

    [Fact]
    public void Peek_tells_whether_counted_events_filled_the_window_without_counting()
    {
        var windows = new AddressWindows(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero)));

        windows.Add("SignInFailures", "key", TimeSpan.FromMinutes(15));
        Assert.Null(windows.Peek("SignInFailures", "key", 2, TimeSpan.FromMinutes(15)));
        Assert.Null(windows.Peek("SignInFailures", "key", 2, TimeSpan.FromMinutes(15)));
        windows.Add("SignInFailures", "key", TimeSpan.FromMinutes(15));

        Assert.Equal(TimeSpan.FromMinutes(15), windows.Peek("SignInFailures", "key", 2, TimeSpan.FromMinutes(15))!.Value.RetryAfter);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_address_is_counted_as_itself_or_its_ipv6_64(string address, string partition) =>
        Assert.Equal(partition, ClientAddress.PartitionOf(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_an_address_is_counted_under_one_name() =>
        Assert.Equal("unknown", ClientAddress.PartitionOf(null));
}
