using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.PostgreSql;
using ExecutionHub.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ExecutionHub.Tests.Data;

/// <summary>
/// Each provider's migrations describe today's model exactly, and each provider sees its own migrations only. No
/// server is needed: the model and the migrations are compared in memory.
/// </summary>
public sealed class ProviderMigrationsTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Should_have_no_model_change_without_a_migration(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changed since {provider}'s last migration: add one for each provider (docs/architecture.md, \"Database provider\").");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Should_see_only_its_own_migrations(DatabaseProvider provider)
    {
        using var db = Context(provider);
        var own = provider == DatabaseProvider.PostgreSql ? ProviderMigrations.PostgreSqlNamespace : ProviderMigrations.SqliteNamespace;

        var migrations = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>();

        Assert.Single(migrations.Migrations);
        Assert.All(migrations.Migrations.Values, m => Assert.Equal(own, m.Namespace));
        Assert.Equal(own, migrations.ModelSnapshot!.GetType().Namespace);
    }

    private static AppDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            PostgreSqlDatabase.Use(options, "Host=localhost;Database=model_only;Username=nobody");
        }
        else
        {
            SqliteDatabase.Use(options, "Data Source=:memory:");
        }

        return new AppDbContext(options.Options);
    }
}
