using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExecutionHub.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database the app runs on: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>) and
/// <c>ConnectionStrings:ExecutionHub</c>. A setting that cannot be right — an unknown provider, a PostgreSQL string
/// with the SQLite provider or the other way round — is not guessed at: <see cref="Refusal"/> says what is wrong, and
/// the first use of the database (the start's migration) throws it as a <see cref="DatabaseStartException"/>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? Refusal)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:ExecutionHub";

    public static DatabaseSettings Read(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("ExecutionHub") ?? "";
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured) || string.Equals(configured, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Sqlite, connectionString, SqliteRefusal(connectionString));
        }

        if (string.Equals(configured, "PostgreSql", StringComparison.OrdinalIgnoreCase) || string.Equals(configured, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.PostgreSql, connectionString, PostgreSqlRefusal(connectionString));
        }

        return new(DatabaseProvider.Sqlite, connectionString,
            $"{ProviderKey} is \"{configured}\": it must be Sqlite (the default) or PostgreSql.");
    }

    private static string? SqliteRefusal(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{ConnectionStringKey} is not set: give a SQLite file, e.g. \"Data Source=data/executionhub.db\".";
        }

        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException)
        {
            return $"{ProviderKey} is Sqlite but {ConnectionStringKey} is not a SQLite connection string "
                + $"({Keywords(connectionString)}; it looks like a PostgreSQL one). Set {ProviderKey} to PostgreSql to use that server, "
                + "or give a SQLite file, e.g. \"Data Source=data/executionhub.db\".";
        }
    }

    private static string? PostgreSqlRefusal(string connectionString)
    {
        var mixed = $"{ProviderKey} is PostgreSql but {ConnectionStringKey} is not a PostgreSQL connection string "
            + $"({Keywords(connectionString)}; it looks like a SQLite file). Give the server, e.g. "
            + "\"Host=db.example;Port=5432;Database=executionhub;Username=executionhub;Password=…\", or set "
            + $"{ProviderKey} to Sqlite to use the file.";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{ConnectionStringKey} is not set: give the PostgreSQL server, e.g. \"Host=db.example;Database=executionhub;Username=executionhub;Password=…\".";
        }

        if (Keywords(connectionString).Split(", ").Any(k => k is "data source" or "datasource" or "filename" or "mode" or "cache"))
        {
            return mixed;
        }

        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host) ? mixed : null;
        }
        catch (ArgumentException)
        {
            return mixed;
        }
    }

    /// <summary>The string's keywords only, lower case: a refusal names what it saw without echoing a password.</summary>
    private static string Keywords(string connectionString) =>
        string.Join(", ", connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToLowerInvariant())
            .Where(k => k.Length > 0));
}

/// <summary>The database cannot be used as configured, or cannot be reached; the message is for the operator.</summary>
public sealed class DatabaseStartException(string message, Exception? inner = null) : Exception(message, inner);
