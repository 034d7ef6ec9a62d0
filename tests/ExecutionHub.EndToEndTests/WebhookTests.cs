using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class WebhookTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Administrator_sets_a_clients_webhook_url_copies_the_signing_secret_once_and_rotates_it_on_a_phone() =>
        OnPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
            await page.GotoAsync("/admin/api-clients");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("api-client-register").ClickAsync();
            await page.GetByTestId("api-client-name").FillAsync("推送测试系统");
            await page.GetByTestId("api-client-scope-matters-read").CheckAsync();
            await page.GetByTestId("api-client-save").ClickAsync();
            await page.GetByTestId("api-key-done").ClickAsync();
            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "推送测试系统" }).ClickAsync();
            await Expect(page.GetByTestId("webhook-deliveries-empty")).ToBeVisibleAsync();

            await page.GetByTestId("webhook-url").FillAsync("court.example/hook");
            await page.GetByTestId("webhook-save").ClickAsync();
            await Expect(page.GetByTestId("webhook-section")).ToContainTextAsync("https://");
            await Expect(page.GetByTestId("webhook-rotate")).ToHaveCountAsync(0);

            await page.GetByTestId("webhook-url").FillAsync("https://court.example/hooks/executionhub");
            await page.GetByTestId("webhook-save").ClickAsync();
            var secretField = page.GetByTestId("api-key-value");
            await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
            var secret = await secretField.InputValueAsync();
            await page.GetByTestId("api-key-done").ClickAsync();
            await Expect(page.GetByTestId("api-key-dialog")).ToHaveCountAsync(0);

            await page.GetByTestId("webhook-rotate").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "更换签名密钥" }).ClickAsync();
            await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
            Assert.NotEqual(secret, await secretField.InputValueAsync());
            var rotated = await secretField.InputValueAsync();
            await page.GetByTestId("api-key-done").ClickAsync();
            await Expect(page.GetByTestId("api-key-dialog")).ToHaveCountAsync(0);

            var html = await page.ContentAsync();
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain(rotated, html, StringComparison.Ordinal);
            await AssertFitsTheScreenAsync(page, "webhook-section-phone");
        }, new ViewportSize { Width = 390, Height = 844 });

    [Fact]
    public async Task A_matter_the_client_referred_fed_back_in_the_browser_reaches_its_webhook_signed_and_shows_on_the_clients_page()
    {
        var received = new ConcurrentQueue<(string Body, string Signature, string Timestamp)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Enqueue((await reader.ReadToEndAsync(), request.Headers["X-ExecutionHub-Signature"].ToString(), request.Headers["X-ExecutionHub-Timestamp"].ToString()));
            return Results.NoContent();
        });
        await receiver.StartAsync();
        var url = receiver.Urls.Single().TrimEnd('/') + "/hook";

        string secret = "";
        int clientId = 0;
        await OnPageAsync(async admin =>
        {
            await SignInAsync(admin, "admin");
            await Expect(admin.GetByTestId("home-title")).ToBeVisibleAsync();
            await admin.GotoAsync("/admin/api-clients");
            await WaitForCircuitAsync(admin);
            await admin.GetByTestId("api-client-register").ClickAsync();
            await admin.GetByTestId("api-client-name").FillAsync("推送往返测试系统");
            await admin.GetByTestId("api-client-scope-matters-read").CheckAsync();
            await admin.GetByTestId("api-client-save").ClickAsync();
            await admin.GetByTestId("api-key-done").ClickAsync();
            await admin.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "推送往返测试系统" }).ClickAsync();
            await admin.GetByTestId("webhook-url").FillAsync(url);
            await admin.GetByTestId("webhook-save").ClickAsync();
            secret = await admin.GetByTestId("api-key-value").InputValueAsync();
            await admin.GetByTestId("api-key-done").ClickAsync();
            clientId = int.Parse(admin.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        });

        var (matterId, _) = await App.AddMatterReadyForFeedbackAsync("ZX-WH", m => (m.ApiClientId, m.ClientReference) = (clientId, "FY-WEBHOOK-1"));
        await OnPageAsync(async coordinator =>
        {
            await SignInAsync(coordinator, "coord.chen");
            await coordinator.GotoAsync($"/matters/{matterId}");
            await WaitForCircuitAsync(coordinator);
            await Expect(coordinator.GetByTestId("feedback-text")).Not.ToBeEmptyAsync();
            await coordinator.GetByTestId("action-feedback").ClickAsync();
            await coordinator.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "反馈法院" }).ClickAsync();
            await Expect(coordinator.GetByTestId("matter-status")).ToHaveTextAsync("已反馈");
        });

        // The minutely Hangfire job would send it too; running a pass now keeps the test short (passes never double-send).
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().DeliverDueAsync();
        }

        // The minutely job may have claimed the message a moment before this pass: then its post is on its way.
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (received.IsEmpty && waiting.Elapsed < TestTimeouts.Page)
        {
            await Task.Delay(100);
        }

        var (body, signature, timestamp) = Assert.Single(received);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        Assert.Equal(expected, signature);
        Assert.Contains($"\"matterId\":{matterId}", body, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"matter.fed_back\"", body, StringComparison.Ordinal);

        await OnPageAsync(async admin =>
        {
            await SignInAsync(admin, "admin");
            await Expect(admin.GetByTestId("home-title")).ToBeVisibleAsync();
            await admin.GotoAsync($"/admin/api-clients/{clientId}");
            await WaitForCircuitAsync(admin);
            await Expect(admin.GetByTestId("webhook-deliveries")).ToContainTextAsync($"webhook:matter.fed_back:{matterId}:");
            await Expect(admin.GetByTestId("webhook-deliveries")).ToContainTextAsync("已送达");
        });
    }
}
