using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Tests.Features.Administration.Users;
using ExecutionHub.Web.Components.Layout;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Messages;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Administration.Messages;

public sealed class OutboxAdministrationTests : BunitTestBase
{
    [Fact]
    public async Task Administrator_lists_messages_newest_first_with_phone_numbers_masked()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await SeedAsync(app);

        var page = await app.SendAsync(new ListOutbox());

        Assert.Equal(3, page.TotalItems);
        Assert.Equal(["webhook:1", "alert:2", "alert:1"], page.Items.Select(r => r.Key));
        Assert.Equal("138****5678", page.Items[2].Recipient);
        Assert.Equal("ops@example.org", page.Items[0].Recipient);
        Assert.Equal((OutboxStatus.Failed, 6, "SMS gateway answered 500"), (page.Items[1].Status, page.Items[1].Attempts, page.Items[1].LastError));
    }

    [Fact]
    public async Task Administrator_filters_messages_by_status_and_pages_through_them()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        await SeedAsync(app);

        var sent = await app.SendAsync(new ListOutbox(OutboxStatus.Sent));
        var second = await app.SendAsync(new ListOutbox(Page: 1, PageSize: 2));

        Assert.Equal("alert:1", Assert.Single(sent.Items).Key);
        Assert.Equal(1, sent.TotalItems);
        Assert.Equal(("alert:1", 3), (Assert.Single(second.Items).Key, second.TotalItems));
    }

    [Fact]
    public async Task Administrator_reads_a_messages_delivery_attempts_in_order()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        var id = await SeedAsync(app);

        var attempts = await app.SendAsync(new ListDeliveryAttempts(id));

        Assert.Equal([false, true], attempts.Select(a => a.Succeeded));
        Assert.Equal("SMS gateway answered 503", attempts[0].Error);
    }

    [Fact]
    public async Task Coordinator_is_refused_the_outbox()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("coord.chen");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListOutbox()));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListDeliveryAttempts(1)));
    }

    [Fact]
    public async Task Outbox_page_shows_statuses_in_chinese_and_a_clicked_row_its_attempts()
    {
        await using var host = await AppComponentHost.StartAsync(this);
        await SeedAsync(host.App);
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var page = Render<OutboxPage>();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid='outbox-row-alert:1']")));
        var row = page.Find("[data-testid='outbox-row-alert:1']").Closest("tr")!;
        Assert.Contains("138****5678", row.TextContent);
        Assert.DoesNotContain("13812345678", page.Markup);
        Assert.Equal("已发送", page.Find("[data-testid='outbox-status-alert:1']").TextContent.Trim());
        Assert.Equal("发送失败", page.Find("[data-testid='outbox-status-alert:2']").TextContent.Trim());

        await row.ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() => Assert.Equal(2, dialogs.FindAll("[data-testid=outbox-attempt]").Count));
        Assert.Contains("投递记录：alert:1", dialogs.Markup);
        Assert.Contains("SMS gateway answered 503", dialogs.Markup);
    }

    [Fact]
    public void Administrator_finds_the_outbox_in_the_navigation_and_every_status_has_a_name()
    {
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Administrator);

        var menu = Render<NavMenu>();

        Assert.Contains("消息发件箱", menu.Find("a[href='/admin/outbox']").TextContent);
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.All(Enum.GetNames<OutboxStatus>(), name => Assert.False(localizer[$"OutboxStatus.{name}"].ResourceNotFound, name));
    }

    /// <summary>A sent SMS with a failed and a successful attempt, a failed SMS, and a queued non-phone message; returns the sent one's id.</summary>
    private static async Task<long> SeedAsync(TestApp app)
    {
        var at = TestApp.Start.UtcDateTime;
        await using var db = await app.DbAsync();
        var sent = new OutboxMessage { Key = "alert:1", Channel = "sms", Recipient = "13812345678", Body = "一", Status = OutboxStatus.Sent, Attempts = 2, CreatedAtUtc = at, NextAttemptAtUtc = at.AddSeconds(30), SentAtUtc = at.AddSeconds(30), LastError = "SMS gateway answered 503" };
        db.Outbox.Add(sent);
        db.Outbox.Add(new OutboxMessage { Key = "alert:2", Channel = "sms", Recipient = "13900001111", Body = "二", Status = OutboxStatus.Failed, Attempts = 6, CreatedAtUtc = at, NextAttemptAtUtc = at, LastError = "SMS gateway answered 500" });
        await db.SaveChangesAsync();
        db.Outbox.Add(new OutboxMessage { Key = "webhook:1", Channel = "log", Recipient = "ops@example.org", Body = "三", CreatedAtUtc = at, NextAttemptAtUtc = at });
        db.DeliveryAttempts.Add(new DeliveryAttempt { MessageId = sent.Id, AtUtc = at.AddSeconds(30), Succeeded = true });
        db.DeliveryAttempts.Add(new DeliveryAttempt { MessageId = sent.Id, AtUtc = at, Succeeded = false, Error = "SMS gateway answered 503" });
        await db.SaveChangesAsync();
        return sent.Id;
    }
}
