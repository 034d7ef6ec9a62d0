using System.Diagnostics;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// A start that fails is one failing test with the app's own words in it, not a hung or aborted run:
/// the process is gone, its output readers stopped, and its folder can go at once.
/// </summary>
public sealed class AppProcessTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "executionhub-restart", Guid.NewGuid().ToString("N"));

    public AppProcessTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Should_report_an_app_that_exits_while_starting_with_its_output_and_leave_no_process_behind()
    {
        // A folder where the database file should be: SQLite cannot open it ("disk I/O error"), and the app stops with that exception.
        Directory.CreateDirectory(Path.Combine(folder, "app.db"));

        var failure = await Assert.ThrowsAsync<AppStartException>(() => AppProcess.StartAsync(folder));

        Assert.Contains("exited with code", failure.Message);
        Assert.Contains("Unhandled exception. Microsoft.Data.Sqlite.SqliteException", failure.Output);
        Assert.Contains("Unhandled exception. Microsoft.Data.Sqlite.SqliteException", failure.Message);
        AssertGone(failure.ProcessId);
        AssertFolderCanGo();
    }

    [Fact]
    public async Task Should_give_up_on_an_app_that_does_not_answer_in_time_kill_it_and_say_how_to_wait_longer()
    {
        // The app listens on another port than the one it is asked for, so its sign-in page never answers there.
        var elsewhere = new Dictionary<string, string> { ["Kestrel__Endpoints__Elsewhere__Url"] = "http://127.0.0.1:0", ["Demo__Seed"] = "false" };

        var waited = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<AppStartException>(() => AppProcess.StartAsync(folder, elsewhere, TimeSpan.FromSeconds(3)));

        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60));
        Assert.Contains("did not answer within 3 s", failure.Message);
        Assert.Contains(TestTimeouts.AppStartVariable, failure.Message);
        AssertGone(failure.ProcessId);
        AssertFolderCanGo();
    }

    private static void AssertGone(int processId)
    {
        // GetProcessById throws for a process that no longer exists.
        var gone = false;
        try
        {
            using var process = Process.GetProcessById(processId);
            gone = process.HasExited;
        }
        catch (ArgumentException)
        {
            gone = true;
        }

        Assert.True(gone, $"process {processId} is still running");
    }

    /// <summary>Deleted now, it stays deleted: nothing of the stopped app writes into it any more.</summary>
    private void AssertFolderCanGo()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        Assert.False(Directory.Exists(folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
