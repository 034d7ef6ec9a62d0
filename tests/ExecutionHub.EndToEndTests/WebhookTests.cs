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
}
