using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// First start on an empty folder: the published app started <c>runs</c> times, each on fresh database files
/// (migrate + demo seed), timed from process start to the first 200 on the sign-in page; then, optionally,
/// <c>dotnet run --project src/ExecutionHub.Web</c> the same way after a build. Prints every run with the load
/// average beside it, the median, and the start-up phases the app logs ("Start-up phase …: N ms").
/// </summary>
internal static partial class StartupScript
{
    private const string SignInPath = "/account/signin";
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string? published, int runs, int dotnetRuns)
    {
        var root = RepositoryRoot();
        var scratch = Directory.CreateTempSubdirectory("executionhub-startup-");
        try
        {
            if (published is null)
            {
                published = Path.Combine(scratch.FullName, "publish");
                Console.WriteLine($"publishing to {published} (load {Load()})");
                var publish = Stopwatch.StartNew();
                if (await ExitCodeAsync("dotnet", ["publish", Path.Combine(root, "src", "ExecutionHub.Web"), "-c", "Release", "-o", published, "-nologo", "-v", "quiet"], root) != 0)
                {
                    Console.Error.WriteLine("publish failed");
                    return 1;
                }

                Console.WriteLine($"published in {publish.Elapsed.TotalSeconds:0.0} s");
            }

            var app = Path.Combine(published, "ExecutionHub.Web.dll");
            var results = new List<Run>();
            for (var i = 1; i <= runs; i++)
            {
                var run = await StartOnceAsync("dotnet", [app], published, scratch.FullName, $"published {i}");
                if (run is null)
                {
                    return 1;
                }

                results.Add(run);
            }

            Summarise("published app, first start (migrate + demo seed)", results);

            if (dotnetRuns > 0)
            {
                // What the README's first command costs once the project is built: `dotnet run` still asks MSBuild
                // whether the build is up to date, then starts the Debug build.
                Console.WriteLine($"building for dotnet run (Debug, as `dotnet run` builds) (load {Load()})");
                if (await ExitCodeAsync("dotnet", ["build", Path.Combine(root, "src", "ExecutionHub.Web"), "-nologo", "-v", "quiet"], root) != 0)
                {
                    Console.Error.WriteLine("build failed");
                    return 1;
                }

                var dotnetResults = new List<Run>();
                for (var i = 1; i <= dotnetRuns; i++)
                {
                    var run = await StartOnceAsync("dotnet", ["run", "--project", Path.Combine(root, "src", "ExecutionHub.Web")], root, scratch.FullName, $"dotnet run {i}");
                    if (run is null)
                    {
                        return 1;
                    }

                    dotnetResults.Add(run);
                }

                Summarise("`dotnet run --project src/ExecutionHub.Web` after a build, first start (up-to-date check + migrate + demo seed)", dotnetResults);
            }

            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private sealed record Run(string Name, double Seconds, string LoadBefore, string LoadAfter, IReadOnlyList<(string Phase, long Milliseconds, string Cpu)> Phases);

    /// <summary>
    /// One start on an empty folder: the app's database, Hangfire's and the evidence folder are put there through
    /// the environment, so nothing of an earlier run (or of the developer's own data folder) is reused. The environment
    /// is the README's: Production, demo seeding on (appsettings.json), listening on loopback only.
    /// </summary>
    private static async Task<Run?> StartOnceAsync(string file, string[] arguments, string workingDirectory, string scratch, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, name.Replace(' ', '-')));
        var port = FreePort();
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__ExecutionHub"] = $"Data Source={Path.Combine(folder.FullName, "executionhub.db")}";
        start.Environment["ConnectionStrings__Hangfire"] = Path.Combine(folder.FullName, "hangfire.db");
        start.Environment["Storage__EvidencePath"] = Path.Combine(folder.FullName, "evidence");

        var output = new List<string>();
        var loadBefore = Load();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"http://127.0.0.1:{port}{SignInPath}";
        double? seconds = null;
        while (watch.Elapsed < GiveUp && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    seconds = watch.Elapsed.TotalSeconds;
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but still busy.
            }

            await Task.Delay(25);
        }

        var loadAfter = Load();

        // Let the follow-up after start (its phases are logged too) finish before the process is stopped, up to a point.
        var settle = Stopwatch.StartNew();
        while (seconds is not null && settle.Elapsed < TimeSpan.FromSeconds(30) && !Lines(output).Any(l => l.Contains("(after start)", StringComparison.Ordinal) && l.Contains("agenda", StringComparison.Ordinal)))
        {
            await Task.Delay(100);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        var lines = Lines(output);
        if (seconds is null)
        {
            Console.Error.WriteLine($"{name}: no 200 from {url} within {GiveUp.TotalSeconds} s; the app said:");
            foreach (var line in lines.TakeLast(60))
            {
                Console.Error.WriteLine("  " + line);
            }

            return null;
        }

        var phases = lines.Select(l => PhaseLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                m.Groups[3].Success ? $"CPU {m.Groups[3].Value,6} ms, JIT {m.Groups[4].Value,5} ms" : "")).ToList();
        var run = new Run(name, seconds.Value, loadBefore, loadAfter, phases);
        Console.WriteLine($"{name}: first 200 on {SignInPath} after {run.Seconds:0.00} s (load {loadBefore} → {loadAfter})");
        foreach (var (phase, ms, cpu) in phases)
        {
            Console.WriteLine($"    {phase,-60} {ms,7} ms   {cpu}");
        }

        return run;
    }

    private static void Summarise(string title, List<Run> runs)
    {
        if (runs.Count == 0)
        {
            return;
        }

        var sorted = runs.OrderBy(r => r.Seconds).ToList();
        var median = sorted[sorted.Count / 2];
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        Console.WriteLine($"   runs: {string.Join(", ", runs.Select(r => $"{r.Seconds:0.00} s (load {r.LoadBefore})"))}");
        Console.WriteLine($"   median {median.Seconds:0.00} s (that run's load {median.LoadBefore} → {median.LoadAfter}; now {Load()})");
        Console.WriteLine("   median per phase over the runs:");
        foreach (var phase in runs.SelectMany(r => r.Phases.Select(p => p.Phase)).Distinct())
        {
            var values = runs.SelectMany(r => r.Phases.Where(p => p.Phase == phase).Select(p => p.Milliseconds)).Order().ToList();
            Console.WriteLine($"    {phase,-60} {values[values.Count / 2],7} ms");
        }

        Console.WriteLine();
    }

    private static void Keep(List<string> output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    private static List<string> Lines(List<string> output)
    {
        lock (output)
        {
            return [.. output];
        }
    }

    private static async Task<int> ExitCodeAsync(string file, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The 1-, 5- and 15-minute load averages: the machine is shared, so every figure carries them.</summary>
    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExecutionHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (ExecutionHub.sln not found above the current folder).");
    }

    [GeneratedRegex(@"Start-up phase (.+?): (\d+) ms(?: \(process CPU (\d+) ms; in the JIT compiler (\d+) ms\))?")]
    private static partial Regex PhaseLine();
}
