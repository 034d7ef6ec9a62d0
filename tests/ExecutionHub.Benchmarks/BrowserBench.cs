using System.Net;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// What the browser scripts share: the real app on Kestrel over a fresh demo database in a folder of its own (rate
/// limits out of the way), headless Debian Chromium, a context signed in as a demo user, and percentiles.
/// </summary>
internal sealed class BrowserBench : IAsyncDisposable
{
    public const string Password = "Demo#Pass2026";
    private const string Chromium = "/usr/bin/chromium";

    private readonly string folder;
    private readonly WebApplicationFactory<AppDbContext> factory;

    private BrowserBench(string folder, WebApplicationFactory<AppDbContext> factory)
    {
        this.folder = folder;
        this.factory = factory;
    }

    public Uri BaseAddress => factory.ClientOptions.BaseAddress;

    public IServiceProvider Services => factory.Services;

    public string DatabasePath => Path.Combine(folder, "app.db");

    /// <summary>Starts the app and waits until the demo data, follow-up included, is in place.</summary>
    public static async Task<BrowserBench> StartAsync(string name, Action<ILoggingBuilder> logging)
    {
        var folder = Directory.CreateTempSubdirectory($"executionhub-{name}-").FullName;
        var factory = new WebApplicationFactory<AppDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseSetting("ConnectionStrings:ExecutionHub", $"Data Source={Path.Combine(folder, "app.db")}");
            builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(folder, "hangfire.db"));
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Storage:EvidencePath", Path.Combine(folder, "evidence"));
            builder.UseSetting("Security:AddressLimits:SignIn:PermitLimit", "1000000");
            builder.UseSetting("Security:AddressLimits:Api:PermitLimit", "1000000");
            builder.UseSetting("Security:SignInFailures:PermitLimit", "1000000");
            builder.UseSetting("Api:RateLimit:PermitLimit", "1000000");
            builder.ConfigureLogging(logging);
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        await factory.Services.GetRequiredService<DemoFollowUp>().Completed;
        return new BrowserBench(folder, factory);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    });

    /// <summary>A browser context signed in as <paramref name="user"/> through the sign-in form, laptop-sized, in Chinese.</summary>
    public async Task<IBrowserContext> SignedInAsync(IBrowser browser, string user, TimeSpan timeout)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByTestId("signin-username").FillAsync(user);
        await page.GetByTestId("signin-password").FillAsync(Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.CloseAsync();
        return context;
    }

    /// <summary>Logging for a script that prints its own figures: only the app's errors, on standard error.</summary>
    public static void ErrorsOnly(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddProvider(new ErrorConsole());
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Writes errors to standard error and drops the rest, whatever the configuration's levels say.</summary>
    private sealed class ErrorConsole : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    Console.Error.WriteLine($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
                }
            }
        }
    }
}
