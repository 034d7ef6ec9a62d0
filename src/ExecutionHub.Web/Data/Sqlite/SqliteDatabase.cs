using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Data.Sqlite;

/// <summary>
/// The one place that knows the embedded database is SQLite: connection string, WAL and foreign keys, a new
/// database from one script, the planner's statistics. Its PostgreSQL twin is <see cref="PostgreSql.PostgreSqlDatabase"/>;
/// <see cref="AppDatabase"/> chooses between them.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>SQLite with this app's migrations (<see cref="ProviderMigrations"/>): the app's contexts and the tests' alike.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).UseProviderMigrations();

    /// <summary>The database file, for an operator's message.</summary>
    public static string FileOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>Resolves a relative Data Source against the content root, creates its folder, turns foreign keys on.</summary>
    public static string BuildConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured) { ForeignKeys = true, Pooling = true };
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Switches the file to write-ahead logging (persistent per file) and applies migrations. A new, empty file
    /// gets them all at once from <see cref="NewDatabaseScript"/>: the same statements and history rows, without
    /// the seconds EF spends first building every migration's target model and comparing its snapshot with the app's.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            if (await IsEmptyAsync(db, cancellationToken) && NewDatabaseScript.Covers(db.Database.GetMigrations()))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = NewDatabaseScript.Statements;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>No table at all: a file just created, not one a migration left half-done.</summary>
    private static async Task<bool> IsEmptyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    public static string HangfireDatabasePath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Hangfire")
            ?? throw new InvalidOperationException("ConnectionStrings:Hangfire is not set in appsettings.json.");
        var path = Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(contentRoot, configured));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>SQLite's plan for a LINQ query (EXPLAIN QUERY PLAN), one line per step, for tests that pin index use.</summary>
    public static Task<IReadOnlyList<string>> QueryPlanAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        AppDatabase.ExplainAsync(query, "EXPLAIN QUERY PLAN ", reader => reader.GetString(reader.GetOrdinal("detail")), cancellationToken);

    /// <summary>
    /// Refreshes the query planner's statistics (ANALYZE on a sample, through PRAGMA optimize).
    /// Without them SQLite guesses, and it once chose a 300,000-row scan over a selective index.
    /// </summary>
    public static async Task OptimizeAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000;", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
    }

    /// <summary>Whether the planner has statistics for <paramref name="table"/>'s indexes (for tests).</summary>
    public static async Task<bool> HasPlannerStatisticsAsync(AppDbContext db, string table, CancellationToken cancellationToken = default) =>
        await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM sqlite_stat1 WHERE tbl = {0}", table).SingleAsync(cancellationToken) > 0;
}
