using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ExecutionHub.Web.Data.PostgreSql;

/// <summary>
/// The one place that knows the database is a PostgreSQL server (<c>Database:Provider</c> = <c>PostgreSql</c>): the
/// Npgsql provider, the start's migration under an advisory lock, the planner's statistics (ANALYZE) and plans
/// (EXPLAIN). Its SQLite twin is <see cref="Sqlite.SqliteDatabase"/>; <see cref="AppDatabase"/> chooses between them.
/// </summary>
public static class PostgreSqlDatabase
{
    /// <summary>
    /// Key of the session advisory lock every node holds while it prepares the database at start (migrations, then
    /// roles, message templates, risk rules): two nodes starting together prepare it one after the other, the second
    /// finding nothing left to do. EF's own migration lock would cover the migrations only.
    /// </summary>
    public const long StartLockKey = 0x45_78_65_63_48_75_62; // "ExecHub"

    /// <summary>PostgreSQL with this app's migrations (<see cref="ProviderMigrations"/>): the app's contexts and the tests' alike.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseProviderMigrations();

    /// <summary>Host, port and database of a connection string, for an operator's message; never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port} (database \"{builder.Database}\")";
    }

    /// <summary>
    /// Takes <see cref="StartLockKey"/> on a connection of its own, held until disposed. A server that cannot be reached
    /// is reported here by host and port, before anything is written.
    /// </summary>
    public static async Task<IAsyncDisposable> LockForStartAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(db, db.Database.GetConnectionString()!, cancellationToken);
        await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartLockKey})", connection);
        await take.ExecuteNonQueryAsync(cancellationToken);
        // Closing the session releases its advisory locks.
        return connection;
    }

    /// <summary>
    /// Applies the migrations. Each is one transaction on PostgreSQL (DDL included), so a failure leaves the schema as
    /// the last whole migration left it, never half of one.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        // EF reads the history before it makes the table, and logs the read of a missing table as a failed
        // command (npgsql/efcore.pg#3407): an error line on every new database that is no error. Made first, it is read empty.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// A connection to the database, made first when the server has none of that name (EF's Migrate would make it,
    /// but the lock needs it already). Any failure to connect becomes one message naming the server.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenAsync(AppDbContext db, string connectionString, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && attempt == 0)
            {
                await connection.DisposeAsync();
                await CreateDatabaseAsync(db, cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                await connection.DisposeAsync();
                throw new DatabaseStartException(
                    $"ExecutionHub cannot start: the PostgreSQL server at {Describe(connectionString)} could not be reached or refused the "
                    + $"connection ({e.Message}). Check {DatabaseSettings.ConnectionStringKey} and that the server is running; "
                    + "nothing was written.", e);
            }
        }
    }

    private static async Task CreateDatabaseAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node made it first.
        }
    }

    /// <summary>
    /// Moves every identity column's sequence past the largest key its table holds (for rows written with keys given
    /// by hand, such as the demo's); a table without rows is left alone.
    /// </summary>
    public static async Task MoveIdentitiesPastKeysAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.BaseType is null && e.GetTableName() is not null && !e.IsOwned()))
        {
            if (entity.FindPrimaryKey() is not { Properties: [{ ValueGenerated: Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd } key] }
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long)))
            {
                continue;
            }

            var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
            var column = key.GetColumnName();
            // pg_get_serial_sequence wants the table as text and the column unquoted; both come from the model, not from a user.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('{table.Replace("'", "''", StringComparison.Ordinal)}', '{column}'), MAX({sql.DelimitIdentifier(column)})) FROM {table} HAVING MAX({sql.DelimitIdentifier(column)}) IS NOT NULL",
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>Refreshes the planner's statistics of every table (ANALYZE); autovacuum does too, this makes it certain after a bulk load.</summary>
    public static Task OptimizeAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);

    /// <summary>PostgreSQL's plan for a LINQ query (EXPLAIN), one line per step, for tests and benchmarks that pin index use.</summary>
    public static Task<IReadOnlyList<string>> QueryPlanAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        AppDatabase.ExplainAsync(query, "EXPLAIN ", reader => reader.GetString(0), cancellationToken);

    /// <summary>Whether the planner has statistics for <paramref name="table"/> (for tests).</summary>
    public static async Task<bool> HasPlannerStatisticsAsync(AppDbContext db, string table, CancellationToken cancellationToken = default) =>
        await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM pg_stats WHERE schemaname = current_schema() AND tablename = {0}", table)
            .SingleAsync(cancellationToken) > 0;
}
