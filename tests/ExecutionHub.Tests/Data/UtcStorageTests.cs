using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Data;

public sealed class UtcStorageTests
{
    [Fact]
    public async Task Times_come_back_from_the_database_marked_utc()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();

        var matter = await db.Matters.FirstAsync();

        Assert.Equal(DateTimeKind.Utc, matter.ReceivedAtUtc.Kind);
        Assert.Equal(Matter.DefaultFeedbackWindow, matter.DueAtUtc - matter.ReceivedAtUtc);
    }

    [Fact]
    public async Task A_local_time_is_refused_rather_than_stored()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();
        var matter = await db.Matters.FirstAsync();

        matter.ReceivedAtUtc = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Local);

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.IsType<InvalidOperationException>(refused.InnerException);
    }

    [Fact]
    public async Task Money_keeps_its_fen_and_sums_in_the_database()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await using var db = await app.DbAsync();
        var first = await db.Cases.OrderBy(c => c.Id).FirstAsync();
        first.AmountOwed = 12_345.67m;
        await db.SaveChangesAsync();

        await using var fresh = await app.DbAsync();
        Assert.Equal(12_345.67m, (await fresh.Cases.SingleAsync(c => c.Id == first.Id)).AmountOwed);
        var inMemory = (await fresh.Cases.Select(c => c.AmountOwed).ToListAsync()).Sum();
        Assert.Equal(inMemory, await fresh.Cases.SumAsync(c => c.AmountOwed));
    }
}
