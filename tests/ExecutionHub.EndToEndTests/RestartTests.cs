using System.Diagnostics;
using System.Net;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Data.Sqlite;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// The real app as a separate process (the published entry point, its own SQLite files), stopped,
/// killed and restarted: deadlines that fell due while it was down are alerted exactly once.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "executionhub-restart", Guid.NewGuid().ToString("N"));
    private readonly List<AppProcess> started = [];

    public RestartTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Alerts_and_messages_that_fall_due_while_the_app_is_down_happen_exactly_once_after_a_kill_and_a_restart()
    {
        using (var first = await StartAsync())
        {
            await WaitUntilAsync(async db => !await db.Matters.AnyAsync(m => m.NextAlertAtUtc != null && m.NextAlertAtUtc <= DateTime.UtcNow.AddSeconds(-5)), "the first start's catch-up sweep");
        }

        // While the app is down, ten open matters pass their due time and a message waits to go out.
        var overdue = await MakeOverdueAsync(10);
        var messageId = await QueueMessageAsync();

        // Killed straight after starting, perhaps in the middle of its catch-up sweep…
        using (var killed = await StartAsync())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(200, 2_000)));
            killed.Kill();
        }

        // …and started again.
        using (await StartAsync())
        {
            await WaitUntilAsync(async db => await db.Alerts.CountAsync(a => a.MatterId != null && overdue.Contains(a.MatterId.Value) && a.TaskId == null && a.Kind == AlertKind.Overdue) == overdue.Count, "an overdue alert for every matter");
            await WaitUntilAsync(async db => await db.Outbox.AnyAsync(m => m.Id == messageId && m.Status == OutboxStatus.Sent), "the queued message to be sent");
            await Task.Delay(TimeSpan.FromSeconds(6)); // a further sweep has had its chance to duplicate
        }

        await using var check = Db();
        var alerts = await check.Alerts.Where(a => a.MatterId != null && overdue.Contains(a.MatterId.Value) && a.TaskId == null).ToListAsync();
        Assert.Equal(overdue.Count, alerts.Count(a => a.Kind == AlertKind.Overdue));
        Assert.All(overdue, id => Assert.Single(alerts, a => a.MatterId == id && a.Kind == AlertKind.Overdue));
        var perAlertAndRecipient = await check.Notifications.Where(n => n.MatterId != null && overdue.Contains(n.MatterId.Value))
            .GroupBy(n => new { n.AlertId, n.RecipientId }).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(perAlertAndRecipient);
        Assert.All(perAlertAndRecipient, count => Assert.Equal(1, count));
        Assert.Single(await check.DeliveryAttempts.Where(a => a.MessageId == messageId && a.Succeeded).ToListAsync());
    }

    [Fact]
    public async Task Should_serve_the_Blazor_script_MudBlazor_styles_and_app_styles_when_run_outside_development()
    {
        using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        foreach (var asset in new[] { "_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.css", "app.css" })
        {
            var response = await http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    private async Task<AppProcess> StartAsync()
    {
        var app = await AppProcess.StartAsync(folder);
        started.Add(app);
        return app;
    }

    private async Task<long> QueueMessageAsync()
    {
        await using var db = Db();
        var now = DateTime.UtcNow;
        var message = new OutboxMessage { Key = "restart-test:1", Channel = "log", Recipient = "13800000000", Body = "重启测试", CreatedAtUtc = now, NextAttemptAtUtc = now };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private AppDbContext Db() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(SqliteDatabase.BuildConnectionString($"Data Source={Path.Combine(folder, "app.db")}", folder)).Options);

    private async Task<List<int>> MakeOverdueAsync(int count)
    {
        await using var db = Db();
        var now = DateTime.UtcNow;
        var ids = await db.Matters
            .Where(m => (m.Status == MatterStatus.Registered || m.Status == MatterStatus.Dispatched) && m.PausedAtUtc == null && m.DueAtUtc > now)
            .OrderBy(m => m.Id).Take(count).Select(m => m.Id).ToListAsync();
        Assert.True(ids.Count >= 3, "the demo data has open matters to make overdue");
        // The clock cannot be wound on in a running app, so the rows are: due half an hour ago, the due-soon alert given.
        var due = now.AddMinutes(-30);
        await db.Matters.Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAtUtc, due).SetProperty(m => m.AlertStage, 1).SetProperty(m => m.NextAlertAtUtc, due));
        return ids;
    }

    private async Task WaitUntilAsync(Func<AppDbContext, Task<bool>> condition, string what)
    {
        // What a start catches up on runs as background jobs after it answers: as slow as a start on a busy machine.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TestTimeouts.AppStart)
        {
            await using var db = Db();
            if (await condition(db))
            {
                return;
            }

            await Task.Delay(500);
        }

        var logs = string.Join("\n", started.Select((app, i) => $"== start {i + 1}\n" + string.Join("\n", app.Output.Split('\n').TakeLast(40))));
        Assert.Fail($"Timed out waiting for {what}.\n{logs}");
    }

    public void Dispose()
    {
        // Every process is gone and its output readers stopped before its folder is.
        foreach (var app in started)
        {
            app.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
