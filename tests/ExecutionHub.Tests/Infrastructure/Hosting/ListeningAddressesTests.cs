using ExecutionHub.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace ExecutionHub.Tests.Infrastructure.Hosting;

/// <summary>Where the app will listen, read before Kestrel starts, and which of those addresses only this machine reaches.</summary>
public sealed class ListeningAddressesTests
{
    [Theory]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://LOCALHOST:5001", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://127.0.0.2:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://192.168.1.20:5000", false)]
    [InlineData("http://executionhub.example.cn", false)]
    [InlineData("http://unix:/run/executionhub.sock", false)]
    [InlineData("not an address", false)]
    public void Should_count_only_loopback_interfaces_as_this_machine(string address, bool loopback) =>
        Assert.Equal(loopback, ListeningAddresses.IsLoopback(address));

    [Fact]
    public void Should_fall_back_to_kestrels_default_localhost_when_nothing_is_configured()
    {
        var addresses = ListeningAddresses.From(Configuration());

        Assert.Equal([ListeningAddresses.KestrelDefault], addresses);
        Assert.True(ListeningAddresses.AreLoopbackOnly(addresses));
    }

    [Fact]
    public void Should_read_urls_and_kestrel_endpoints_together_so_one_network_address_among_them_counts()
    {
        var addresses = ListeningAddresses.From(Configuration(
            ("urls", "http://localhost:5000;http://0.0.0.0:5001"),
            ("Kestrel:Endpoints:Https:Url", "https://127.0.0.1:5443")));

        Assert.Equal(["https://127.0.0.1:5443", "http://localhost:5000", "http://0.0.0.0:5001"], addresses);
        Assert.False(ListeningAddresses.AreLoopbackOnly(addresses));
    }

    [Fact]
    public void Should_take_container_style_ports_as_every_interface()
    {
        var addresses = ListeningAddresses.From(Configuration(("http_ports", "8080"), ("https_ports", "8443")));

        Assert.Equal(["http://*:8080", "https://*:8443"], addresses);
        Assert.False(ListeningAddresses.AreLoopbackOnly(addresses));
    }

    [Fact]
    public void Should_count_a_start_that_listens_nowhere_as_loopback_only() =>
        Assert.True(ListeningAddresses.AreLoopbackOnly([]));

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
