using System.Net;

namespace ExecutionHub.Web.Infrastructure.Hosting;

/// <summary>
/// Where Kestrel will listen, read from the configuration before it starts: the server knows its
/// addresses only once started, and whether demo accounts may exist is decided before the first page.
/// Every source Kestrel reads is taken together (a loopback address in one does not excuse a network
/// address in another): <c>Kestrel:Endpoints:*:Url</c>, <c>urls</c> (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>), else <c>http_ports</c>/<c>https_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>, set
/// by Microsoft's container images: every interface), else Kestrel's default.
/// </summary>
public static class ListeningAddresses
{
    public const string KestrelDefault = "http://localhost:5000";

    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"])
            .Concat(Split(configuration["urls"]))
            .OfType<string>().Where(url => url.Length > 0).ToList();
        if (configured.Count > 0)
        {
            return configured;
        }

        var ports = Split(configuration["http_ports"]).Select(port => $"http://*:{port}")
            .Concat(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"))
            .ToList();
        return ports.Count > 0 ? ports : [KestrelDefault];
    }

    /// <summary>
    /// Whether an address reaches only this machine, as Kestrel binds it: <c>localhost</c> the loopback
    /// interfaces, an IP address itself; <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, any other host name (every
    /// interface) and sockets or pipes (a proxy may publish them) count as the network.
    /// </summary>
    public static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return false;
        }

        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>True when nothing is listened on or every address is loopback.</summary>
    public static bool AreLoopbackOnly(IEnumerable<string> addresses) => addresses.All(IsLoopback);

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
