using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// The files of a test's own app processes (its SQLite database, Hangfire's, the evidence), started
/// as often as the test needs, read directly, and removed with every process that used them.
/// </summary>
public sealed class AppFolder : IDisposable
{
    private readonly List<AppProcess> started = [];

    public AppFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "executionhub-restart", Guid.NewGuid().ToString("N"));

    /// <summary>Every start so far, in order: their output tells what a failing wait was waiting for.</summary>
    public IReadOnlyList<AppProcess> Started => started;

    /// <param name="host">Loopback by default; <c>0.0.0.0</c> for a start on the network.</param>
    public async Task<AppProcess> StartAsync(string host = "127.0.0.1")
    {
        var app = await AppProcess.StartAsync(Path, host: host);
        started.Add(app);
        return app;
    }

    /// <summary>The app's database as the app opens it, for arranging and checking what the app cannot be asked.</summary>
    public AppDbContext Db() =>
        new((DbContextOptions<AppDbContext>)SqliteDatabase.Use(new DbContextOptionsBuilder<AppDbContext>(), SqliteDatabase.BuildConnectionString($"Data Source={System.IO.Path.Combine(Path, "app.db")}", Path)).Options);

    public void Dispose()
    {
        // Every process is gone and its output readers stopped before its folder is.
        foreach (var app in started)
        {
            app.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
