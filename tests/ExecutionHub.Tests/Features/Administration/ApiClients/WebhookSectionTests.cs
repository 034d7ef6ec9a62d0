using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Administration.ApiClients;

public sealed class WebhookSectionTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private AsyncServiceScope scope;
    private IRenderedComponent<MudDialogProvider> dialogs = default!;
    private int clientId;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        scope = app.Services.CreateAsyncScope();
        (dialogs, _) = UseApplication(scope);
        await using var db = await app.DbAsync();
        clientId = await db.ApiClients.Where(c => c.Name == DemoApiClient.Name).Select(c => c.Id).SingleAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_bad_url_is_refused_on_the_field_and_a_good_one_shows_the_signing_secret_once()
    {
        var cut = Render<ApiClientPage>(p => p.Add(x => x.Id, clientId));
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("[data-testid=webhook-deliveries-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=webhook-rotate]"));

        cut.Find("input[data-testid=webhook-url]").Input("ftp://court.example/hook");
        await cut.Find("[data-testid=webhook-save]").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Contains("http://", cut.Find("[data-testid=webhook-section]").TextContent, StringComparison.Ordinal));
        await using (var db = await app.DbAsync())
        {
            Assert.Null(await db.ApiClients.Where(c => c.Id == clientId).Select(c => c.WebhookUrl).SingleAsync());
        }

        cut.Find("input[data-testid=webhook-url]").Input("https://court.example/hooks/executionhub");
        // Not awaited: the handler waits for the secret dialog to close.
        cut.Find("[data-testid=webhook-save]").Click();
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("input[data-testid=api-key-value]")));
        var secret = dialogs.Find("input[data-testid=api-key-value]").GetAttribute("value")!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        await using (var db = await app.DbAsync())
        {
            Assert.Equal("https://court.example/hooks/executionhub", await db.ApiClients.Where(c => c.Id == clientId).Select(c => c.WebhookUrl).SingleAsync());
        }

        await dialogs.Find("[data-testid=api-key-done]").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("[data-testid=webhook-rotate]")));
        Assert.DoesNotContain(secret, cut.Markup + dialogs.Markup, StringComparison.Ordinal);
    }
}
