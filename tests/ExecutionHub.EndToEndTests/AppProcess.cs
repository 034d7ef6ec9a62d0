using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// `dotnet ExecutionHub.Web.dll` as a process of its own, with its SQLite files and evidence in
/// <c>folder</c>, on a free loopback port, started as `dotnet run` on a fresh machine would be.
/// Its output is kept in memory, never written into the folder the test deletes: an output handler
/// that throws does so on a thread-pool thread, which crashes the test host and aborts the whole run.
/// A start that fails throws <see cref="AppStartException"/> with the app's output, after the
/// process tree is gone and its output readers are stopped.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly AppOutput output;
    private bool disposed;

    private AppProcess(Process process, AppOutput output, int port)
    {
        this.process = process;
        this.output = output;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// The per-address limits and sign-in failure counts raised out of the way (as environment variables): every
    /// request of a browser test comes from loopback, so the shipped numbers would refuse the suite itself.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UnthrottledSettings = new Dictionary<string, string>
    {
        ["Security__AddressLimits__SignIn__PermitLimit"] = "1000000",
        ["Security__AddressLimits__Progress__PermitLimit"] = "1000000",
        ["Security__AddressLimits__Api__PermitLimit"] = "1000000",
        ["Security__SignInFailures__PermitLimit"] = "1000000",
    };

    /// <summary>Everything the app has written to its console so far (the last lines, if it wrote a lot).</summary>
    public string Output => output.Text;

    /// <summary>Starts the app and waits until its sign-in page answers, for at most <paramref name="timeout"/> (default <see cref="TestTimeouts.AppStart"/>).</summary>
    /// <param name="settings">Configuration as environment variables (<c>Section__Key</c>), over the defaults below.</param>
    /// <param name="host">
    /// The address it listens on: loopback by default; <c>0.0.0.0</c> for a start on the network (every
    /// interface, loopback included, so the test still reaches it at 127.0.0.1).
    /// </param>
    public static async Task<AppProcess> StartAsync(string folder, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null, string host = "127.0.0.1")
    {
        var port = FreePort();
        var start = StartInfo(folder, settings, "--urls", $"http://{host}:{port}");
        var output = new AppOutput();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, output, port);

        var limit = timeout ?? TestTimeouts.AppStart;
        string? failure;
        try
        {
            failure = await app.WaitUntilAnsweringAsync(limit);
        }
        catch (Exception e)
        {
            failure = $"waiting for it failed: {e.Message}";
        }

        if (failure is null)
        {
            return app;
        }

        var processId = process.Id;
        app.Dispose();
        throw new AppStartException(failure, processId, output.Text);
    }

    /// <summary>
    /// Runs the app with a one-time step (<c>--create-admin</c>, <c>--remove-demo</c>) on the same files and
    /// waits for it to exit, for at most <see cref="TestTimeouts.AppStart"/>.
    /// </summary>
    /// <returns>Its exit code and everything it wrote.</returns>
    public static async Task<(int ExitCode, string Output)> RunStepAsync(string folder, IReadOnlyDictionary<string, string>? settings, params string[] step)
    {
        var output = new AppOutput();
        var start = StartInfo(folder, settings, step);
        start.RedirectStandardInput = true;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Nothing piped in: a step that reads its input gets the end of it at once, never a wait.
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TestTimeouts.AppStart);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AppStartException($"{string.Join(' ', step)} did not finish within {TestTimeouts.AppStart.TotalSeconds:0} s", process.Id, output.Text);
        }

        // Without a time limit this also waits for the output readers to reach the end of the streams.
        process.WaitForExit();
        output.Close();
        return (process.ExitCode, output.Text);
    }

    private static ProcessStartInfo StartInfo(string folder, IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ExecutionHub.Web.dll"), .. arguments, "--contentRoot", folder])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__ExecutionHub"] = $"Data Source={Path.Combine(folder, "app.db")}";
        start.Environment["ConnectionStrings__Hangfire"] = Path.Combine(folder, "hangfire.db");
        start.Environment["Storage__EvidencePath"] = Path.Combine(folder, "evidence");
        start.Environment["Hangfire__QueuePollSeconds"] = "1";
        start.Environment["Demo__Seed"] = "true";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production"; // as `dotnet run` on a fresh machine, without launch settings
        foreach (var (key, value) in UnthrottledSettings)
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Null once the sign-in page answers 200; else why not (the app exited, or the time ran out).</summary>
    private async Task<string?> WaitUntilAnsweringAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (process.HasExited)
            {
                return $"it exited with code {process.ExitCode} after {waited.Elapsed.TotalSeconds:0} s";
            }

            // A first page can take a while to render on a busy machine: one request may use the time left.
            var left = limit - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            using var attempt = new CancellationTokenSource(left);
            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "account/signin"), attempt.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return null;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(250);
        }

        return $"its sign-in page did not answer within {limit.TotalSeconds:0} s (set {TestTimeouts.AppStartVariable} to wait longer)";
    }

    /// <summary>Kills the whole process tree at once (no graceful stop) and waits until it is gone.</summary>
    public void Kill()
    {
        if (disposed)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        // Without a time limit this also waits for the output readers to reach the end of the streams.
        process.WaitForExit();
    }

    /// <summary>Kills the process, stops its output readers and frees it; safe to call again.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        Kill();
        disposed = true;
        output.Close();
        try
        {
            process.CancelOutputRead();
            process.CancelErrorRead();
        }
        catch (InvalidOperationException)
        {
            // Reading had not begun.
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app's console lines, in memory, the last ones kept; adding never throws.</summary>
    private sealed class AppOutput
    {
        private const int MaxLines = 2_000;

        private readonly Queue<string> lines = new();
        private bool closed;

        public string Text
        {
            get
            {
                lock (lines)
                {
                    return string.Join('\n', lines);
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                if (closed)
                {
                    return;
                }

                lines.Enqueue(line);
                if (lines.Count > MaxLines)
                {
                    lines.Dequeue();
                }
            }
        }

        public void Close()
        {
            lock (lines)
            {
                closed = true;
            }
        }
    }
}

/// <summary>An app process that did not start: why, which process it was (gone by now), and what it wrote.</summary>
public sealed class AppStartException(string reason, int processId, string output)
    : Exception($"The app did not start: {reason}.\n--- its output (last 60 lines) ---\n{Tail(output, 60)}")
{
    public int ProcessId { get; } = processId;

    public string Output { get; } = output;

    private static string Tail(string text, int count) => string.Join('\n', text.Split('\n').TakeLast(count));
}
