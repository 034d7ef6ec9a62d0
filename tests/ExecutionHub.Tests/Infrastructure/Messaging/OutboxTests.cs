using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.Tests.Infrastructure.Messaging;

public sealed class OutboxTests
{
    private const string Phone = "13812345678";

    [Fact]
    public async Task Fake_gateway_fails_twice_then_succeeds_exactly_one_message_arrives_and_the_log_shows_three_attempts()
    {
        await using var gateway = await FakeSmsGateway.StartAsync(failFirst: 2);
        await using var app = await TestApp.CreateAsync(settings: gateway.Settings());
        await EnqueueAsync(app, "alert:1:user-1", body: "案件（2026）沪0110执123号已超期");
        var job = Job(app);

        Assert.Equal(1, (await job.DeliverDueAsync()).Retrying);
        Assert.Equal(0, (await job.DeliverDueAsync()).Retrying + (await job.DeliverDueAsync()).Sent); // not due again before its backoff
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await job.DeliverDueAsync()).Retrying);
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, (await job.DeliverDueAsync()).Sent);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await job.DeliverDueAsync();

        Assert.Equal(3, gateway.Requests.Count);
        var arrived = Assert.Single(gateway.Accepted);
        Assert.Equal((Phone, "案件（2026）沪0110执123号已超期", "alert:1:user-1"), (arrived.To, arrived.Text, arrived.Reference));
        Assert.All(gateway.Requests, r => Assert.Equal(FakeSmsGateway.ApiKey, r.ApiKey));
        Assert.All(gateway.Requests, r => Assert.StartsWith("application/json", r.ContentType));

        await using var db = await app.DbAsync();
        var message = await db.Outbox.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(3, message.Attempts);
        Assert.Equal(TestApp.Start.UtcDateTime.AddSeconds(90), message.SentAtUtc);
        var attempts = await db.DeliveryAttempts.Where(a => a.MessageId == message.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([false, false, true], attempts.Select(a => a.Succeeded));
        Assert.All(attempts.Take(2), a => Assert.Contains("500", a.Error));
        Assert.Null(attempts[2].Error);
        Assert.Equal([0, 30, 90], attempts.Select(a => (a.AtUtc - TestApp.Start.UtcDateTime).TotalSeconds));
    }

    [Fact]
    public async Task Enqueuing_the_same_key_twice_keeps_one_message()
    {
        await using var app = await TestApp.CreateAsync();

        Assert.True(await EnqueueAsync(app, "milestone:7", body: "first"));
        Assert.False(await EnqueueAsync(app, "milestone:7", body: "second"));
        await using (var db = await app.DbAsync())
        {
            Assert.True(Outbox(app).Enqueue(db, "milestone:8", MessageChannels.Log, Phone, "same unit of work", Now(app)));
            Assert.False(Outbox(app).Enqueue(db, "milestone:8", MessageChannels.Log, Phone, "same unit of work", Now(app)));
            await db.SaveChangesAsync();
        }

        await using var check = await app.DbAsync();
        Assert.Equal(["first", "same unit of work"], await check.Outbox.OrderBy(m => m.Id).Select(m => m.Body).ToListAsync());
    }

    [Fact]
    public async Task Producers_racing_with_the_same_key_are_stopped_by_the_unique_index()
    {
        await using var app = await TestApp.CreateAsync();
        await using var first = await app.DbAsync();
        await using var second = await app.DbAsync();

        Assert.True(Outbox(app).Enqueue(first, "alert:9", MessageChannels.Sms, Phone, "one", Now(app)));
        Assert.True(Outbox(app).Enqueue(second, "alert:9", MessageChannels.Sms, Phone, "two", Now(app)));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Enqueue_refuses_a_channel_that_does_not_exist()
    {
        await using var app = await TestApp.CreateAsync();
        await using var db = await app.DbAsync();

        Assert.Throws<ArgumentException>(() => Outbox(app).Enqueue(db, "k", "fax", Phone, "text", Now(app)));
    }

    [Fact]
    public async Task Two_delivery_passes_at_once_send_a_message_once()
    {
        await using var gateway = await FakeSmsGateway.StartAsync(delay: TimeSpan.FromMilliseconds(30));
        await using var app = await TestApp.CreateAsync(settings: gateway.Settings());
        var keys = Enumerable.Range(1, 6).Select(i => $"alert:{i}").ToList();
        foreach (var key in keys)
        {
            await EnqueueAsync(app, key);
        }

        var passes = await Task.WhenAll(
            Task.Run(() => Job(app).DeliverDueAsync()),
            Task.Run(() => Job(app).DeliverDueAsync()));

        Assert.Equal(keys, gateway.Requests.Select(r => r.Reference).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, passes.Sum(p => p.Sent));
        await using var db = await app.DbAsync();
        Assert.All(await db.Outbox.ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(keys.Count, await db.DeliveryAttempts.CountAsync());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_marked_failed_after_the_last_attempt()
    {
        await using var gateway = await FakeSmsGateway.StartAsync(failFirst: int.MaxValue);
        await using var app = await TestApp.CreateAsync(settings: gateway.Settings(maxAttempts: 3));
        var log = CapturedLog.Attach(app);
        await EnqueueAsync(app, "alert:2");

        // The Hangfire entry point fails the job when a delivery failed, so the dashboard shows it.
        await Assert.ThrowsAsync<MessageDeliveryException>(() => Job(app).RunAsync(CancellationToken.None));
        for (var pass = 0; pass < 5; pass++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await Job(app).DeliverDueAsync();
        }

        Assert.Equal(3, gateway.Requests.Count);
        Assert.Empty(gateway.Accepted);
        await using var db = await app.DbAsync();
        var message = await db.Outbox.SingleAsync();
        Assert.Equal((OutboxStatus.Failed, 3, null), (message.Status, message.Attempts, message.SentAtUtc));
        Assert.Contains("500", message.LastError);
        Assert.Equal(3, await db.DeliveryAttempts.CountAsync(a => a.MessageId == message.Id && !a.Succeeded));
        var jobLog = log.Lines.Where(l => l.Category == typeof(DeliverOutboxJob).FullName).ToList();
        Assert.Equal(2, jobLog.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("alert:2")));
        Assert.Contains(jobLog, l => l.Level == LogLevel.Error && l.Message.Contains("alert:2") && l.Message.Contains("3 attempts"));
    }

    [Fact]
    public void Backoff_doubles_from_the_base()
    {
        var settings = new MessagingOptions { RetryBaseSeconds = 30 };

        Assert.Equal([30, 60, 120, 240, 480], Enumerable.Range(1, 5).Select(n => DeliverOutboxJob.Backoff(settings, n).TotalSeconds));
    }

    [Fact]
    public async Task Without_a_gateway_url_sms_goes_to_the_log_channel()
    {
        await using var app = await TestApp.CreateAsync();
        var log = CapturedLog.Attach(app);
        await EnqueueAsync(app, "alert:3", body: "请于今日核查");

        var pass = await Job(app).DeliverDueAsync();

        Assert.Equal(1, pass.Sent);
        await using var db = await app.DbAsync();
        var message = await db.Outbox.SingleAsync();
        Assert.Equal((OutboxStatus.Sent, MessageChannels.Sms), (message.Status, message.Channel));
        Assert.Contains(log.Lines, l => l.Category == typeof(MessageChannelRouter).FullName && l.Message.Contains("alert:3") && l.Message.Contains("not configured"));
        Assert.Contains(log.Lines, l => l.Category == typeof(LogChannel).FullName && l.Message.Contains("请于今日核查") && l.Message.Contains("138****5678"));
        Assert.DoesNotContain(log.Lines, l => l.Message.Contains(Phone));
    }

    private static IOutbox Outbox(TestApp app) => app.Services.GetRequiredService<IOutbox>();

    private static DeliverOutboxJob Job(TestApp app) => app.Services.GetRequiredService<DeliverOutboxJob>();

    private static DateTime Now(TestApp app) => app.Clock.GetUtcNow().UtcDateTime;

    private static async Task<bool> EnqueueAsync(TestApp app, string key, string channel = MessageChannels.Sms, string body = "测试短信")
    {
        await using var db = await app.DbAsync();
        var added = Outbox(app).Enqueue(db, key, channel, Phone, body, Now(app));
        await db.SaveChangesAsync();
        return added;
    }
}
