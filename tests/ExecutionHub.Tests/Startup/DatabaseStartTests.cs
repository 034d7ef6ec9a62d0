using System.Net;
using System.Net.Sockets;
using ExecutionHub.Tests.Infrastructure.Messaging;
using ExecutionHub.Web.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.Tests.Startup;

/// <summary>
/// A start whose database cannot be used ends before anything is written, with one message that says why (the
/// process then exits with code 1: Program returns it when <see cref="DatabaseInitialiser.InitialiseDatabaseAsync(IHost, CancellationToken)"/> is false).
/// </summary>
public sealed class DatabaseStartTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "executionhub-tests", Guid.NewGuid().ToString("N"));

    public DatabaseStartTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Should_refuse_to_start_on_an_unreachable_postgresql_server_naming_its_host_and_port()
    {
        var port = PortNobodyListensOn();

        var (started, log) = await StartAsync("PostgreSql", $"Host=127.0.0.1;Port={port};Database=executionhub;Username=hub;Password=secret;Timeout=5");

        Assert.False(started);
        var refusal = Assert.Single(log.Lines, l => l.Level == LogLevel.Critical).Message;
        Assert.Contains($"127.0.0.1:{port}", refusal, StringComparison.Ordinal);
        Assert.Contains("could not be reached", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", "Host=127.0.0.1;Database=executionhub;Username=hub", "looks like a PostgreSQL one")]
    [InlineData("PostgreSql", "Data Source=x.db", "looks like a SQLite file")]
    public async Task Should_refuse_to_start_with_a_provider_and_connection_string_that_do_not_match(string provider, string connectionString, string reason)
    {
        var (started, log) = await StartAsync(provider, connectionString);

        Assert.False(started);
        Assert.Contains(reason, Assert.Single(log.Lines, l => l.Level == LogLevel.Critical).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.db")));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    private async Task<(bool Started, CapturedLog Log)> StartAsync(string provider, string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:ExecutionHub"] = connectionString,
            ["Demo:Seed"] = "false",
        });
        builder.Services.AddExecutionHubApplication(builder.Configuration, folder);
        using var host = builder.Build();
        var log = new CapturedLog();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        return (await host.InitialiseDatabaseAsync(), log);
    }

    private static int PortNobodyListensOn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
