using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ExecutionHub.Tests.Data;

/// <summary>
/// A first start makes its database from one script of every migration instead of applying them one by one;
/// the database must be the same, and the script must be the one EF writes for today's migrations.
/// </summary>
public sealed class NewDatabaseScriptTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "executionhub-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Should_hold_the_script_ef_writes_for_every_migration()
    {
        await using var db = Context("script.db", _ => { });

        var written = db.GetService<IMigrator>().GenerateScript();

        Assert.True(
            Normalised(written) == Normalised(NewDatabaseScript.Text),
            "NewDatabase.sql is not the script of today's migrations: run "
            + "`dotnet tool run dotnet-ef migrations script --project src/ExecutionHub.Web -o src/ExecutionHub.Web/Data/Sqlite/NewDatabase.sql -- -- --provider Sqlite`.");
        Assert.Equal(db.Database.GetMigrations(), NewDatabaseScript.Migrations);
    }

    [Fact]
    public async Task Should_make_a_new_database_the_same_as_applying_every_migration_one_by_one()
    {
        var applied = new List<string>();
        await using (var stepByStep = Context("steps.db", _ => { }))
        {
            await stepByStep.Database.MigrateAsync();
        }

        await using (var fromScript = Context("script.db", applied.Add))
        {
            await SqliteDatabase.MigrateAsync(fromScript);
        }

        Assert.Empty(applied);
        Assert.Equal(await SchemaAsync("steps.db"), await SchemaAsync("script.db"));
        Assert.Equal(await HistoryAsync("steps.db"), await HistoryAsync("script.db"));
        await using var migrated = Context("script.db", applied.Add);
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Should_apply_the_migrations_one_by_one_to_a_database_that_already_has_tables()
    {
        var applied = new List<string>();
        // A file some other program began: one table, no history. The script would collide with nothing here, but
        // only EF's Migrate knows what an older database already holds, so a file with any table gets Migrate.
        await using (var db = Context("started.db", _ => { }))
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"Unrelated\" (\"Id\" INTEGER PRIMARY KEY)");
        }

        await using (var db = Context("started.db", applied.Add))
        {
            await SqliteDatabase.MigrateAsync(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.NotEmpty(applied);
    }

    private static string Normalised(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>A context on a file of the test's folder; <paramref name="migrationApplied"/> hears EF apply a migration.</summary>
    private AppDbContext Context(string file, Action<string> migrationApplied) =>
        new((DbContextOptions<AppDbContext>)SqliteDatabase.Use(new DbContextOptionsBuilder<AppDbContext>(), $"Data Source={Path.Combine(folder, file)};Pooling=False")
            .LogTo(migrationApplied, [RelationalEventId.MigrationApplying])
            .Options);

    private async Task<List<string>> SchemaAsync(string file) =>
        await ReadAsync(file, "SELECT type || ' ' || name || ' ' || tbl_name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name");

    private async Task<List<string>> HistoryAsync(string file) =>
        await ReadAsync(file, "SELECT MigrationId || ' ' || ProductVersion FROM __EFMigrationsHistory ORDER BY MigrationId");

    private async Task<List<string>> ReadAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, file)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
