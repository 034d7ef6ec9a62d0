using System.Net;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// The real app on Kestrel (a random loopback port, its own SQLite files, demo data seeded as on a
/// first start) and one headless Debian Chromium shared by the tests of the collection.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "executionhub-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The running app's services, for tests that look data up or set it up directly.</summary>
    public IServiceProvider Services => factory!.Services;

    /// <summary>How many times the app has handled each request (by its type's name), counted from the pipeline's log.</summary>
    public HandledRequests Handled { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:ExecutionHub", $"Data Source={Path.Combine(folder, "app.db")}");
            builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(folder, "hangfire.db"));
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Storage:EvidencePath", Path.Combine(folder, "evidence"));
            // Every test signs in from loopback: the per-address limits would refuse the suite itself.
            foreach (var (key, value) in AppProcess.UnthrottledSettings)
            {
                builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }

            builder.ConfigureLogging(logging => logging
                .AddProvider(Handled)
                .AddFilter<HandledRequests>(HandledRequests.Category, LogLevel.Information));
        });
        // Port 0 passed to UseKestrel(int) means "not set": the app then took Kestrel's default, localhost:5000,
        // and failed whenever anything else held it (a demo started by hand, a second suite). Bind port 0 itself.
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        // The first start migrates and seeds; on a busy machine that is slow, and it must not hang the run either.
        await Task.Run(factory.StartServer).WaitAsync(TestTimeouts.AppStart);
        BaseAddress = factory.ClientOptions.BaseAddress;

        // The demo's warnings, agenda and reports are written once the app has answered a first request; the tests
        // expect a whole demo.
        using (var first = new HttpClient { BaseAddress = BaseAddress })
        {
            (await first.GetAsync("/account/signin")).EnsureSuccessStatusCode();
        }

        await factory.Services.GetRequiredService<DemoFollowUp>().Completed.WaitAsync(TestTimeouts.AppStart);
        Assertions.SetDefaultExpectTimeout((float)TestTimeouts.Page.TotalMilliseconds);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner if SQLite still holds a file.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
