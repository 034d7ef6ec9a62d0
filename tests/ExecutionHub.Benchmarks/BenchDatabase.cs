using System.Diagnostics;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// A database with the demo organisation plus N generated matters, built once per N and kept in
/// the temp folder (executionhub-bench/matters-N-vV.db; V changes when the generator does) so later runs and benchmark processes reuse it.
/// </summary>
internal static class BenchDatabase
{
    /// <summary>Bumped when the generated data changes shape, so an older cached file is not reused.</summary>
    private const int DataVersion = 4;

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "executionhub-bench");

    public static ServiceProvider Services(string databasePath, BenchUser user)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ExecutionHub"] = $"Data Source={databasePath}",
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = "Bench#Pass2026",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddExecutionHubApplication(configuration, Folder)
            .AddSingleton<ICurrentUser>(user)
            .BuildServiceProvider();
    }

    public static async Task<string> EnsureAsync(int matters)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"matters-{matters}-v{DataVersion}.db");
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        File.Delete(building);
        var watch = Stopwatch.StartNew();
        await using (var services = Services(building, new BenchUser()))
        {
            await services.InitialiseDatabaseAsync();
            await BulkMatters.AddAsync(services, matters);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(building + suffix);
        }

        File.Move(building, path);
        Console.WriteLine($"generated {matters:N0} matters in {watch.Elapsed.TotalSeconds:0.0} s -> {path}");
        return path;
    }
}
