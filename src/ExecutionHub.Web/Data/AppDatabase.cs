using ExecutionHub.Web.Data.PostgreSql;
using ExecutionHub.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ExecutionHub.Web.Data;

/// <summary>
/// What the rest of the app asks of its database without knowing which one it is: the context factory, the start's
/// migration, a write transaction, the planner's statistics. Each answer is one of the two providers' places,
/// <see cref="SqliteDatabase"/> or <see cref="PostgreSqlDatabase"/>, chosen by <see cref="DatabaseSettings"/>.
/// </summary>
public static class AppDatabase
{
    public static IServiceCollection AddExecutionHubDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var settings = DatabaseSettings.Read(configuration);
        services.AddSingleton(settings);
        if (settings.Refusal is { } refusal)
        {
            // Refused at the first use of the database, which is the start's migration: logged there, exit code 1.
            services.AddDbContextFactory<AppDbContext>((_, _) => throw new DatabaseStartException(refusal));
            return services;
        }

        var connectionString = settings.Provider == DatabaseProvider.PostgreSql
            ? settings.ConnectionString
            : SqliteDatabase.BuildConnectionString(settings.ConnectionString, contentRoot);
        services.AddDbContextFactory<AppDbContext>((provider, options) =>
        {
            if (settings.Provider == DatabaseProvider.PostgreSql)
            {
                PostgreSqlDatabase.Use(options, connectionString);
            }
            else
            {
                SqliteDatabase.Use(options, connectionString);
            }

            options.AddInterceptors(
                provider.GetRequiredService<Infrastructure.Notifications.MatterChangeInterceptor>(),
                provider.GetRequiredService<Infrastructure.Notifications.DomainEventInterceptor>());
        });
        return services;
    }

    /// <summary>
    /// Held while a start prepares the database, so that app nodes starting together on one PostgreSQL database do it
    /// one at a time (SQLite has one node: nothing to hold). Reports an unreachable server by host and port.
    /// </summary>
    public static async Task<IAsyncDisposable> LockForStartAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.IsNpgsql() ? await PostgreSqlDatabase.LockForStartAsync(db, cancellationToken) : NothingHeld.Instance;

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Brings the schema up to today's migrations (see each provider's own).</summary>
    public static Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.IsNpgsql() ? PostgreSqlDatabase.MigrateAsync(db, cancellationToken) : SqliteDatabase.MigrateAsync(db, cancellationToken);

    /// <summary>
    /// A serializable transaction, so that "is this unique key taken?" asked inside it stays answered until it commits:
    /// on SQLite it holds the write lock from its first statement (BEGIN IMMEDIATE); on PostgreSQL a writer racing
    /// another for the same key fails with a serialization error instead of writing a duplicate.
    /// </summary>
    public static Task<IDbContextTransaction> BeginWriteAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);

    /// <summary>
    /// After rows were written with keys the caller chose: SQLite's next key is the table's largest plus one anyway;
    /// PostgreSQL's identity sequences know nothing of those rows and are moved past them.
    /// </summary>
    public static Task AfterKeysGivenAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.IsNpgsql() ? PostgreSqlDatabase.MoveIdentitiesPastKeysAsync(db, cancellationToken) : Task.CompletedTask;

    /// <summary>Refreshes the query planner's statistics.</summary>
    public static Task OptimizeAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.IsNpgsql() ? PostgreSqlDatabase.OptimizeAsync(db, cancellationToken) : SqliteDatabase.OptimizeAsync(db, cancellationToken);

    /// <summary>Where the database is, for an operator's message: the SQLite file, or the PostgreSQL host, port and database.</summary>
    public static string Describe(AppDbContext db) =>
        db.Database.IsNpgsql() ? PostgreSqlDatabase.Describe(db.Database.GetConnectionString()!) : SqliteDatabase.FileOf(db.Database.GetConnectionString()!);

    /// <summary>The engine's plan for a LINQ query: its SQL run behind <paramref name="explain"/>, one line per step read by <paramref name="line"/>.</summary>
    internal static async Task<IReadOnlyList<string>> ExplainAsync<T>(IQueryable<T> query, string explain, Func<System.Data.Common.DbDataReader, string> line, CancellationToken cancellationToken)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = explain + command.CommandText;
        await command.Connection!.OpenAsync(cancellationToken);
        try
        {
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plan.Add(line(reader));
            }

            return plan;
        }
        finally
        {
            await command.Connection.CloseAsync();
        }
    }
}
