using System.Security.Cryptography;
using System.Text;
using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Administration.ApiClients;

public sealed class ApiClientsPageTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private AsyncServiceScope scope;
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        scope = app.Services.CreateAsyncScope();
        (dialogs, _) = UseApplication(scope);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Registering_shows_the_key_once_with_a_copy_button_and_the_list_then_shows_only_its_prefix()
    {
        var cut = Render<ApiClientsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Contains(DemoApiClient.Name, cut.Markup, StringComparison.Ordinal));

        // Not awaited: the page's handler waits for the dialogs to close.
        cut.Find("[data-testid=api-client-register]").Click();
        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("input[data-testid=api-client-name]")));
        dialogs.Find("input[data-testid=api-client-name]").Input("外院协查系统");
        await dialogs.Find("input[data-testid=api-client-scope-matters-read]").ChangeAsync(new() { Value = true });
        await dialogs.WaitForAssertionAsync(() => Assert.False(dialogs.Find("[data-testid=api-client-save]").HasAttribute("disabled")));
        await dialogs.Find("[data-testid=api-client-save]").ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() => Assert.NotNull(dialogs.Find("input[data-testid=api-key-value]")));
        var key = dialogs.Find("input[data-testid=api-key-value]").GetAttribute("value")!;
        Assert.StartsWith("ehk_", key, StringComparison.Ordinal);
        Assert.NotNull(dialogs.Find("[data-testid=api-key-copy]"));
        await using (var db = await app.DbAsync())
        {
            var client = await db.ApiClients.SingleAsync(c => c.Name == "外院协查系统");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), client.KeyHash);
        }

        await dialogs.Find("[data-testid=api-key-done]").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Contains("外院协查系统", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(key, cut.Markup + dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains(key[..12], cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_asks_for_confirmation_first_and_then_marks_the_client_revoked()
    {
        var cut = Render<ApiClientsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Contains(DemoApiClient.Name, cut.Markup, StringComparison.Ordinal));
        int id;
        await using (var db = await app.DbAsync())
        {
            id = await db.ApiClients.Where(c => c.Name == DemoApiClient.Name).Select(c => c.Id).SingleAsync();
        }

        cut.Find($"[data-testid=api-client-revoke-{id}]").Click();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains(DemoApiClient.Name, dialogs.Markup, StringComparison.Ordinal));
        await using (var db = await app.DbAsync())
        {
            Assert.Null(await db.ApiClients.Where(c => c.Id == id).Select(c => c.RevokedAtUtc).SingleAsync());
        }

        var confirm = dialogs.FindAll(".mud-message-box__yes-button, button").First(b => b.TextContent.Contains("吊销", StringComparison.Ordinal));
        await confirm.ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Contains("已吊销", cut.Find($"[data-testid=api-client-status-{id}]").TextContent, StringComparison.Ordinal));
        await using var after = await app.DbAsync();
        Assert.NotNull(await after.ApiClients.Where(c => c.Id == id).Select(c => c.RevokedAtUtc).SingleAsync());
    }
}
