using ExecutionHub.Web.Data;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Startup;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// The published app in Production, as a real deployment runs it: on a network address it never gets
/// demo accounts (whose password the README publishes) by accident, and it will not start with them.
/// </summary>
public sealed class DemoOnNetworkTests : IDisposable
{
    private readonly AppFolder folder = new();

    [Fact]
    public async Task Should_seed_no_demo_accounts_on_an_empty_database_when_a_production_start_listens_on_the_network()
    {
        // Demo:Seed is on, as in the shipped appsettings.json.
        using (var app = await StartAsync(host: "0.0.0.0"))
        {
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            var signIn = await http.GetStringAsync("account/signin");
            Assert.DoesNotContain("data-testid=\"demo-banner\"", signIn, StringComparison.Ordinal);
            await WaitForOutputAsync(app, "the demo data was NOT seeded");
            Assert.Contains(DemoSafety.OverrideKey, app.Output, StringComparison.Ordinal);
        }

        await using var db = Db();
        Assert.Empty(await db.Users.Select(u => u.UserName).ToListAsync());
        Assert.False(await db.Courts.AnyAsync());
        Assert.False(await db.ApiClients.AnyAsync());
    }

    [Fact]
    public async Task Should_refuse_a_production_start_on_the_network_with_demo_accounts_and_start_once_they_are_removed()
    {
        // The demo as the README runs it: on loopback, with its banner.
        using (var demo = await StartAsync())
        {
            using var http = new HttpClient { BaseAddress = demo.BaseAddress };
            Assert.Contains("data-testid=\"demo-banner\"", await http.GetStringAsync("account/signin"), StringComparison.Ordinal);
        }

        var refused = await Assert.ThrowsAsync<AppStartException>(() => StartAsync(host: "0.0.0.0"));
        Assert.Contains("exited with code 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ExecutionHub refuses to start", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--remove-demo", refused.Output, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:", refused.Output, StringComparison.Ordinal);

        var (removed, removal) = await AppProcess.RunStepAsync(folder.Path, null, CommandLineStep.RemoveDemo);
        Assert.True(removed == 0, removal);
        var (created, creation) = await AppProcess.RunStepAsync(
            folder.Path, new Dictionary<string, string> { [CommandLineStep.PasswordVariable] = "Chief#Secret2026" }, CommandLineStep.CreateAdmin, "chief");
        Assert.True(created == 0, creation);

        using (var network = await StartAsync(host: "0.0.0.0"))
        {
            using var http = new HttpClient { BaseAddress = network.BaseAddress };
            Assert.DoesNotContain("data-testid=\"demo-banner\"", await http.GetStringAsync("account/signin"), StringComparison.Ordinal);
        }

        await using var db = Db();
        Assert.True(await db.Users.Where(u => u.UserName == "admin").Select(u => u.IsDisabled).SingleAsync());
        Assert.False(await db.Users.Where(u => u.UserName == "chief").Select(u => u.IsDisabled).SingleAsync());
    }

    private Task<AppProcess> StartAsync(string host = "127.0.0.1") => folder.StartAsync(host);

    /// <summary>The console logger writes from a queue of its own: a line logged before the app answered may show a moment later.</summary>
    private static async Task WaitForOutputAsync(AppProcess app, string text)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!app.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TestTimeouts.Page, $"The app did not write \"{text}\". It wrote:\n{app.Output}");
            await Task.Delay(100);
        }
    }

    private AppDbContext Db() => folder.Db();

    public void Dispose() => folder.Dispose();
}
