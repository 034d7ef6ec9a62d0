using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ExecutionHub.Tests.Infrastructure.Databases;

/// <summary>
/// A throwaway PostgreSQL server for the tests, from Debian's <c>postgresql</c> package (./test.sh installs it):
/// <c>initdb</c> into a temp folder (as the <c>postgres</c> user when the tests run as root), a free port on
/// 127.0.0.1, fsync off. Started once per test run on first use, stopped when the run ends — and, should the run be
/// killed, by a watchdog in its own session that stops it and deletes its folder once the test process is gone.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string folder;
    private readonly string binaries;

    private PostgresServer(string folder, string binaries, int port)
    {
        this.folder = folder;
        this.binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The run's server, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A connection string to <paramref name="database"/> on this server (made by EF's migration when missing).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = "postgres",
            // Each test's database is dropped at its end: a pooled connection would hold it open.
            Pooling = false,
            Timeout = 30,
        }.ConnectionString;

    /// <summary>Runs <paramref name="sql"/> on the server's maintenance database (CREATE/DROP DATABASE).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A database name no other test uses.</summary>
    public static string NewDatabaseName(string prefix = "test") => $"{prefix}_{Guid.NewGuid():N}";

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): run ./test.sh, or `apt-get install -y postgresql`.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "executionhub-postgres-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root: the folder is the postgres user's.
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        var port = FreePort();
        await RunAsync(binaries, "initdb", asRoot, ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        var server = new PostgresServer(folder, binaries, port);
        server.StartWatchdog(asRoot);
        await RunAsync(binaries, "pg_ctl", asRoot,
        [
            "start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(folder, "server.log"),
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    /// <summary>
    /// In its own session (setsid), so killing the test run's process group does not kill it: waits for this process
    /// to end however it ends, then stops the server and deletes its folder. A normal end does the same first.
    /// </summary>
    private void StartWatchdog(bool asRoot)
    {
        var stop = StopCommand(asRoot);
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{folder}'";
        var start = new ProcessStartInfo("setsid", ["bash", "-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        Process.Start(start)!.Dispose();
    }

    private string StopCommand(bool asRoot)
    {
        var pgCtl = $"'{Path.Combine(binaries, "pg_ctl")}' stop -D '{Path.Combine(folder, "data")}' -m immediate -w";
        return asRoot ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
    }

    private void Stop(bool asRoot)
    {
        using var stop = Process.Start(new ProcessStartInfo("bash", ["-c", StopCommand(asRoot) + " >/dev/null 2>&1"]) { UseShellExecute = false });
        stop?.WaitForExit(30_000);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The watchdog deletes it once this process has gone.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsync(string binaries, string tool, bool asRoot, IReadOnlyList<string> arguments) =>
        asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binaries, tool), .. arguments])
            : RunAsync(Path.Combine(binaries, tool), arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot enter root's working folder.
            WorkingDirectory = "/",
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
