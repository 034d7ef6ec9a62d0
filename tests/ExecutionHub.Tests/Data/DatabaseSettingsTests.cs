using ExecutionHub.Web.Data;
using Microsoft.Extensions.Configuration;

namespace ExecutionHub.Tests.Data;

/// <summary>Database:Provider and the connection string must agree; a setting that cannot be right is refused, not guessed at.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Should_default_to_sqlite_with_the_readme_setting()
    {
        var settings = Read(provider: null, "Data Source=data/executionhub.db");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Null(settings.Refusal);
    }

    [Fact]
    public void Should_accept_postgresql_with_a_server_connection_string()
    {
        var settings = Read("PostgreSql", "Host=db.court.example;Port=5433;Database=executionhub;Username=hub;Password=secret");

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        Assert.Null(settings.Refusal);
    }

    [Theory]
    [InlineData("Sqlite", "Host=db.court.example;Database=executionhub;Username=hub;Password=secret", "looks like a PostgreSQL one")]
    [InlineData(null, "Server=db.court.example;Database=executionhub;Username=hub", "looks like a PostgreSQL one")]
    [InlineData("PostgreSql", "Data Source=data/executionhub.db", "looks like a SQLite file")]
    [InlineData("PostgreSql", "Data Source=x.db;Mode=ReadWriteCreate", "looks like a SQLite file")]
    [InlineData("PostgreSql", "", "is not set")]
    [InlineData("SqlServer", "Data Source=data/executionhub.db", "must be Sqlite (the default) or PostgreSql")]
    public void Should_refuse_a_provider_and_connection_string_that_do_not_match(string? provider, string connectionString, string reason)
    {
        var settings = Read(provider, connectionString);

        Assert.NotNull(settings.Refusal);
        Assert.Contains(reason, settings.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", settings.Refusal, StringComparison.Ordinal);
    }

    private static DatabaseSettings Read(string? provider, string connectionString) =>
        DatabaseSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = provider,
            [DatabaseSettings.ConnectionStringKey] = connectionString,
        }).Build());
}
