using Microsoft.Data.Sqlite;

namespace ExecutionHub.Tests.Data;

/// <summary>
/// What "check, then insert" inside a handler's transaction relies on (registration's duplicate check):
/// on SQLite a transaction begun through EF Core is BEGIN IMMEDIATE, holding the write lock from its first
/// statement, so a second writer waits instead of reading the same "nothing there yet".
/// </summary>
public sealed class WriteTransactionTests
{
    [Fact]
    public async Task Should_hold_the_write_lock_from_the_moment_a_transaction_begins()
    {
        await using var app = await TestApp.CreateAsync();
        await using var db = await app.DbAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await using var other = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var write = other.CreateCommand();
        write.CommandText = "BEGIN IMMEDIATE;";
        // Seconds the driver keeps retrying a busy database before it gives up.
        write.CommandTimeout = 1;

        var busy = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync());

        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
        await transaction.RollbackAsync();
        await write.ExecuteNonQueryAsync();
    }
}
