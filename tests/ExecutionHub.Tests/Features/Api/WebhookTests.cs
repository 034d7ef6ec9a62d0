using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Api.Webhooks;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Infrastructure.Messaging;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>Webhooks: a client's matter fed back is POSTed, signed, through the outbox with its retries and delivery log.</summary>
public sealed class WebhookTests
{
    private const string Feedback = "被执行人现居平凉路100弄，已当面核实。";

    /// <summary>The receiver's own check, written independently of the sender's code: HMAC-SHA256 over "{timestamp}.{body}".</summary>
    private static string ExpectedSignature(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private static DeliverOutboxJob Job(TestApp app) => app.Services.GetRequiredService<DeliverOutboxJob>();

    private static async Task<int> DemoCourtAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Courts.Where(c => c.CaseCode == "沪0110").Select(c => c.Id).SingleAsync();
    }

    /// <summary>The administrator registers a client of the demo court and, when given, its webhook URL; returns the client and its signing secret.</summary>
    private static async Task<(int ClientId, string? Secret)> ClientAsync(TestApp app, string name, string? webhookUrl)
    {
        await app.SignInAsAsync("admin");
        var issued = await app.SendAsync(new RegisterApiClient { Name = name, CourtId = await DemoCourtAsync(app), Scopes = [ApiScopes.MattersRead, ApiScopes.MattersWrite] });
        if (webhookUrl is null)
        {
            return (issued.ClientId, null);
        }

        var secret = await app.SendAsync(new SetApiClientWebhook { ClientId = issued.ClientId, Url = webhookUrl });
        return (issued.ClientId, secret!.Secret);
    }

    /// <summary>A dispatched matter of the demo court, referred by <paramref name="clientId"/>, its tasks settled so it can be fed back.</summary>
    private static async Task<(int Id, int Version, string Coordinator)> ReadyMatterAsync(TestApp app, int? clientId, int skip = 0)
    {
        var court = await DemoCourtAsync(app);
        await using var db = await app.DbAsync();
        var matter = await db.Matters
            .Where(m => m.CourtId == court && m.Status == MatterStatus.Dispatched && m.PausedAtUtc == null && m.Type == MatterType.DebtorWhereabouts && m.Tasks.Any())
            .OrderBy(m => m.Id).Skip(skip)
            .Select(m => new { m.Id, m.Version, m.StreetId }).FirstAsync();
        await db.Tasks.Where(t => t.MatterId == matter.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, VerificationTaskStatus.Waived));
        await db.Matters.Where(m => m.Id == matter.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.ApiClientId, clientId)
            .SetProperty(m => m.ClientReference, clientId is null ? null : $"FY-2026-{matter.Id}"));
        var coordinator = await db.Users.Where(u => u.StreetId == matter.StreetId && u.UserName!.StartsWith("coord.")).Select(u => u.UserName!).FirstAsync();
        return (matter.Id, matter.Version, coordinator);
    }

    private static async Task FeedBackAsync(TestApp app, (int Id, int Version, string Coordinator) matter)
    {
        await app.SignInAsAsync(matter.Coordinator);
        await app.SendAsync(new FeedBackMatter(matter.Id, matter.Version, Feedback, MatterOutcome.Found));
    }

    private static async Task<List<OutboxMessage>> WebhookMessagesAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.Outbox.Where(m => m.Channel == MessageChannels.Webhook).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task A_fed_back_matter_is_delivered_once_with_a_valid_signature_after_two_failures_and_three_attempts_are_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (clientId, secret) = await ClientAsync(app, "区法院办案系统", receiver.Url);
        var matter = await ReadyMatterAsync(app, clientId);

        await FeedBackAsync(app, matter);

        // Queued with the feedback, in the same save: the message is there before any delivery runs.
        var queued = Assert.Single(await WebhookMessagesAsync(app));
        Assert.Equal(($"webhook:matter.fed_back:{matter.Id}:{matter.Version}", OutboxStatus.Queued), (queued.Key, queued.Status));

        var job = Job(app);
        await job.DeliverDueAsync();
        await job.DeliverDueAsync(); // not due again before its backoff
        Assert.Single(receiver.Requests);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await job.DeliverDueAsync();
        Assert.Equal(2, receiver.Requests.Count);
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await job.DeliverDueAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await job.DeliverDueAsync();

        Assert.Equal([500, 500, 204], receiver.Requests.Select(r => r.Status));
        var delivered = Assert.Single(receiver.Accepted);
        Assert.Equal(ExpectedSignature(secret!, delivered.Timestamp, delivered.Body), delivered.Signature);
        Assert.Equal(TestApp.Start.AddSeconds(90).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), delivered.Timestamp);
        Assert.StartsWith("application/json", delivered.ContentType);

        using var json = JsonDocument.Parse(delivered.Body);
        var root = json.RootElement;
        Assert.Equal("matter.fed_back", root.GetProperty("type").GetString());
        Assert.Equal(delivered.EventId, root.GetProperty("id").GetString());
        // Every try carries the same event id, so a receiver can drop a repeat.
        Assert.All(receiver.Requests, r => Assert.Equal(delivered.EventId, r.EventId));
        Assert.Equal(TestApp.Start.UtcDateTime, root.GetProperty("occurredAtUtc").GetDateTime());
        var data = root.GetProperty("data");
        Assert.Equal(matter.Id, data.GetProperty("matterId").GetInt32());
        Assert.Equal($"FY-2026-{matter.Id}", data.GetProperty("clientReference").GetString());
        Assert.Equal("FedBack", data.GetProperty("status").GetString());
        Assert.Equal(Feedback, data.GetProperty("feedback").GetProperty("text").GetString());
        Assert.Equal("Found", data.GetProperty("feedback").GetProperty("outcome").GetString());
        // Like GET /api/v1/matters/{id}'s feedback, and nothing of the target's personal data.
        Assert.False(data.TryGetProperty("target", out _));

        await using var db = await app.DbAsync();
        var message = await db.Outbox.SingleAsync(m => m.Channel == MessageChannels.Webhook);
        Assert.Equal((OutboxStatus.Sent, 3), (message.Status, message.Attempts));
        var attempts = await db.DeliveryAttempts.Where(a => a.MessageId == message.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([false, false, true], attempts.Select(a => a.Succeeded));
        Assert.All(attempts.Take(2), a => Assert.Contains("500", a.Error));

        // The administrator's client page lists the same three attempts, newest first.
        await app.SignInAsAsync("admin");
        var page = await app.SendAsync(new ListWebhookDeliveries(clientId));
        Assert.Equal([true, false, false], page.Attempts.Select(a => a.Succeeded));
        Assert.Equal((receiver.Url, 0, 0), (page.Url, page.Queued, page.Failed));
    }

    [Theory]
    [InlineData("ftp://court.example/hook")]
    [InlineData("/hooks/executionhub")]
    [InlineData("court.example/hook")]
    [InlineData("https://user:password@court.example/hook")]
    [InlineData("javascript:alert(1)")]
    public async Task A_webhook_url_must_be_an_absolute_http_or_https_url_and_a_bad_one_saves_nothing(string url)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (clientId, _) = await ClientAsync(app, "区法院办案系统", webhookUrl: null);

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SetApiClientWebhook { ClientId = clientId, Url = url }));

        await using var db = await app.DbAsync();
        var client = await db.ApiClients.SingleAsync(c => c.Id == clientId);
        Assert.Equal((null, null), (client.WebhookUrl, client.WebhookSecretProtected));
    }

    [Fact]
    public async Task The_signing_secret_is_shown_once_kept_encrypted_and_after_rotation_only_the_new_one_signs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (clientId, first) = await ClientAsync(app, "区法院办案系统", "https://court.example/hooks");
        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);

        // Changing the URL keeps the secret and shows nothing again.
        Assert.Null(await app.SendAsync(new SetApiClientWebhook { ClientId = clientId, Url = receiver.Url }));
        await using (var db = await app.DbAsync())
        {
            var client = await db.ApiClients.SingleAsync(c => c.Id == clientId);
            Assert.NotNull(client.WebhookSecretProtected);
            Assert.DoesNotContain(first![6..], client.WebhookSecretProtected, StringComparison.Ordinal);
            Assert.Equal(2, await db.Audit.CountAsync(a => a.Action == "ApiClient.SetWebhook" && a.Subject == $"ApiClient:{clientId}"));
        }

        var rotated = await app.SendAsync(new RotateWebhookSecret(clientId));
        Assert.NotEqual(first, rotated.Secret);
        await FeedBackAsync(app, await ReadyMatterAsync(app, clientId));
        await Job(app).DeliverDueAsync();

        var delivered = Assert.Single(receiver.Accepted);
        Assert.Equal(ExpectedSignature(rotated.Secret, delivered.Timestamp, delivered.Body), delivered.Signature);
        Assert.NotEqual(ExpectedSignature(first!, delivered.Timestamp, delivered.Body), delivered.Signature);
    }

    [Fact]
    public async Task A_matter_of_another_client_of_a_client_without_a_webhook_or_of_no_client_queues_nothing()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (subscribed, _) = await ClientAsync(app, "区法院办案系统", "https://court.example/hooks");
        var (silent, _) = await ClientAsync(app, "兄弟法院系统", webhookUrl: null);

        await FeedBackAsync(app, await ReadyMatterAsync(app, silent, skip: 0));
        await FeedBackAsync(app, await ReadyMatterAsync(app, clientId: null, skip: 0));

        Assert.Empty(await WebhookMessagesAsync(app));

        // The subscribed client's own matter does queue, addressed to that client only.
        await FeedBackAsync(app, await ReadyMatterAsync(app, subscribed, skip: 0));
        var message = Assert.Single(await WebhookMessagesAsync(app));
        Assert.Equal(WebhookEvents.RecipientOf(subscribed), message.Recipient);
    }

    [Fact]
    public async Task The_same_feedback_queues_its_event_once_even_when_the_producer_runs_again()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (clientId, _) = await ClientAsync(app, "区法院办案系统", "https://court.example/hooks");
        var matter = await ReadyMatterAsync(app, clientId);
        await FeedBackAsync(app, matter);

        // The same request again is refused as stale and queues nothing…
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => FeedBackAsync(app, matter));
        // …and the producer itself, re-run for the same feedback version, adds nothing.
        var webhooks = app.Services.GetRequiredService<WebhookEvents>();
        await using (var db = await app.DbAsync())
        {
            var loaded = await db.Matters.SingleAsync(m => m.Id == matter.Id);
            Assert.False(await webhooks.QueueFedBackAsync(db, loaded, matter.Version, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None));
            await db.SaveChangesAsync();
        }

        Assert.Single(await WebhookMessagesAsync(app));
    }

    [Fact]
    public async Task A_later_feedback_of_the_same_matter_is_a_second_event()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (clientId, _) = await ClientAsync(app, "区法院办案系统", "https://court.example/hooks");
        var matter = await ReadyMatterAsync(app, clientId);
        await FeedBackAsync(app, matter);

        // The judge sent it back and the workstation settled more work (set up directly): it is fed back again.
        int version;
        await using (var db = await app.DbAsync())
        {
            await db.Matters.Where(m => m.Id == matter.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MatterStatus.Dispatched));
            version = await db.Matters.Where(m => m.Id == matter.Id).Select(m => m.Version).SingleAsync();
        }

        app.Clock.Advance(TimeSpan.FromHours(3));
        await FeedBackAsync(app, matter with { Version = version });

        Assert.Equal(
            [$"webhook:matter.fed_back:{matter.Id}:{matter.Version}", $"webhook:matter.fed_back:{matter.Id}:{version}"],
            (await WebhookMessagesAsync(app)).Select(m => m.Key));
    }

    [Fact]
    public async Task A_revoked_clients_queued_event_is_not_sent_and_is_marked_failed_with_the_reason()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (clientId, _) = await ClientAsync(app, "区法院办案系统", receiver.Url);
        await FeedBackAsync(app, await ReadyMatterAsync(app, clientId));
        await app.SignInAsAsync("admin");
        await app.SendAsync(new RevokeApiClient(clientId));

        await Job(app).DeliverDueAsync();
        app.Clock.Advance(TimeSpan.FromHours(6));
        await Job(app).DeliverDueAsync();

        Assert.Empty(receiver.Requests);
        var message = Assert.Single(await WebhookMessagesAsync(app));
        Assert.Equal((OutboxStatus.Failed, 1), (message.Status, message.Attempts));
        Assert.Contains("revoked", message.LastError);
        await using var db = await app.DbAsync();
        var attempt = await db.DeliveryAttempts.SingleAsync(a => a.MessageId == message.Id);
        Assert.False(attempt.Succeeded);
        Assert.Contains("revoked", attempt.Error);
    }

    [Fact]
    public async Task A_url_changed_after_the_event_was_queued_receives_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await TestApp.CreateAsync(demoData: true);
        var (clientId, _) = await ClientAsync(app, "区法院办案系统", "https://old.court.example/hooks");
        await FeedBackAsync(app, await ReadyMatterAsync(app, clientId));
        await app.SignInAsAsync("admin");
        await app.SendAsync(new SetApiClientWebhook { ClientId = clientId, Url = receiver.Url });

        await Job(app).DeliverDueAsync();

        Assert.Single(receiver.Accepted);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await WebhookMessagesAsync(app)).Status);
    }
}
