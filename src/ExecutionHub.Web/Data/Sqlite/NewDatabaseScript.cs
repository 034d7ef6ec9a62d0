using System.Text.RegularExpressions;

namespace ExecutionHub.Web.Data.Sqlite;

/// <summary>
/// Every SQLite migration as one script (NewDatabase.sql, embedded): exactly what <c>dotnet ef migrations script</c>
/// writes; run after the lock table EF's own Migrate creates first, a new database made from it is the one Migrate
/// would make. After adding a migration, write it again (a unit test fails until then, and a stale script is not used):
/// <c>dotnet tool run dotnet-ef migrations script --project src/ExecutionHub.Web -o src/ExecutionHub.Web/Data/Sqlite/NewDatabase.sql -- -- --provider Sqlite</c>.
/// </summary>
public static partial class NewDatabaseScript
{
    /// <summary>
    /// The table EF's Migrate creates to hold its lock (<c>SqliteHistoryRepository</c>), as it creates it: SQLite keeps
    /// the statement's text, line breaks included, so it is written the same way.
    /// </summary>
    public const string LockTable =
        "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\r\n"
        + "    \"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY,\r\n"
        + "    \"Timestamp\" TEXT NOT NULL\r\n"
        + ");";

    private static readonly Lazy<string> text = new(() =>
    {
        using var stream = typeof(NewDatabaseScript).Assembly.GetManifestResourceStream("ExecutionHub.Web.Data.Sqlite.NewDatabase.sql")
            ?? throw new InvalidOperationException("NewDatabase.sql is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The script as <c>dotnet ef migrations script</c> wrote it.</summary>
    public static string Text => text.Value;

    /// <summary>What a new database runs: the lock table, then the script.</summary>
    public static string Statements => LockTable + "\n" + Text;

    /// <summary>The migrations the script records as applied, in order.</summary>
    public static IReadOnlyList<string> Migrations =>
        HistoryRow().Matches(Text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Whether the script applies exactly <paramref name="migrations"/> (the assembly's, in order).</summary>
    public static bool Covers(IEnumerable<string> migrations) => Migrations.SequenceEqual(migrations);

    [GeneratedRegex("""INSERT INTO "__EFMigrationsHistory" \("MigrationId", "ProductVersion"\)\s*VALUES \('([^']+)'""")]
    private static partial Regex HistoryRow();
}
