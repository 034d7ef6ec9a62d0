using ExecutionHub.Web.Data;
using Npgsql;

namespace ExecutionHub.Tests.Infrastructure.Databases;

/// <summary>
/// The database of one <see cref="TestApp"/>: a SQLite file in the test's folder, or a database of its own on the
/// run's <see cref="PostgresServer"/>, dropped when the test ends.
/// </summary>
/// <param name="Name">The SQLite file, or the PostgreSQL database's name.</param>
/// <param name="Owned">Dropped with its app (false for a template that outlives the app seeding it).</param>
public sealed record TestDatabase(DatabaseProvider Provider, string Name, string ConnectionString, PostgresServer? Server, bool Owned = true)
{
    /// <summary>
    /// The one switch: which database the handler and component tests run on. <c>EXECUTIONHUB_TEST_DATABASE=PostgreSql</c>
    /// runs them on the throwaway PostgreSQL server; unset (or <c>Sqlite</c>), on SQLite files. Tests that are about
    /// one provider name it instead (<see cref="TestApp.CreateAsync"/>'s <c>provider</c>).
    /// </summary>
    public static DatabaseProvider Chosen =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("EXECUTIONHUB_TEST_DATABASE"), ignoreCase: true, out var chosen)
            ? chosen : DatabaseProvider.Sqlite;

    /// <summary>A SQLite file at <paramref name="path"/>, a copy of <paramref name="template"/> when one is given.</summary>
    public static TestDatabase Sqlite(string path, string? template)
    {
        if (template is not null)
        {
            File.Copy(template, path);
        }

        return new(DatabaseProvider.Sqlite, path, $"Data Source={path};Pooling=False", Server: null);
    }

    /// <summary>
    /// A new database's name and connection string on the run's server, made now as a copy of <paramref name="template"/>
    /// when one is given (else the app's migration makes it).
    /// </summary>
    public static async Task<TestDatabase> PostgreSqlAsync(string? template, string prefix = "test")
    {
        var server = await PostgresServer.GetAsync();
        var name = PostgresServer.NewDatabaseName(prefix);
        if (template is not null)
        {
            await server.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }

        return new(DatabaseProvider.PostgreSql, name, server.ConnectionString(name), server, Owned: prefix == "test");
    }

    /// <summary>No pooled connection keeps a file or a database open after its app is gone.</summary>
    public static void ClearPools()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Drops a PostgreSQL database (a SQLite file goes with the test's folder).</summary>
    public async Task DropAsync()
    {
        if (Server is not null && Owned)
        {
            await Server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
    }
}
