using ExecutionHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ExecutionHub.Tests.Data;

/// <summary>A database from before the case list: its cases must arrive with a latest activity the list can sort by.</summary>
public sealed class CaseLastActivityMigrationTests : IAsyncLifetime
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
    public async Task Should_start_existing_cases_at_their_newest_timeline_line_or_where_a_quiet_case_stands()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "old.db")};Pooling=False").Options;
        await using var db = new AppDbContext(options);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_CaseLastActivity", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);

        // Two cases as the old schema held them; the organisation behind them does not matter here.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Cases" ("Id", "CaseNumber", "CourtId", "StreetId", "JudgeId", "Cause", "Industry", "AmountOwed", "AmountRecovered", "Status", "FiledOn", "CreatedAtUtc", "Tags")
            VALUES (1, '(2026)沪0199执1号', 1, 1, 'judge', '民间借贷纠纷', '个人借贷', 0, 0, 1, '2026-01-05', '2026-11-27 01:00:00', 0),
                   (2, '(2026)沪0199执2号', 1, 1, 'judge', '民间借贷纠纷', '个人借贷', 0, 0, 1, '2026-01-05', '2026-11-27 01:00:00', 0),
                   (3, '(2026)沪0199执3号', 1, 1, 'judge', '民间借贷纠纷', '个人借贷', 0, 0, 1, '2026-12-01', '2026-11-27 01:00:00', 0);
            INSERT INTO "Timeline" ("CaseId", "AtUtc", "ActorId", "ActorName", "Event", "Detail")
            VALUES (1, '2026-10-01 02:00:00', 'judge', '法官', 'Timeline.MilestoneRecorded', ''),
                   (1, '2026-11-20 03:30:00', 'judge', '法官', 'Timeline.MilestoneRecorded', ''),
                   (1, '2026-11-02 04:00:00', 'judge', '法官', 'Timeline.MilestoneRecorded', '');
            """);

        await migrator.MigrateAsync();

        // The newest line; with none, 00:00 in Shanghai of the filing day; a filing day after the entry is a slip, the entry stands.
        var cases = await db.Cases.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(
            [new DateTime(2026, 11, 20, 3, 30, 0, DateTimeKind.Utc), new DateTime(2026, 1, 4, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc)],
            cases.Select(c => c.LastActivityAtUtc));
        Assert.Equal(cases.Skip(1).Select(c => c.QuietSinceUtc), cases.Skip(1).Select(c => c.LastActivityAtUtc));
    }
}
