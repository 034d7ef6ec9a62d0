using ExecutionHub.Tests.Infrastructure.Databases;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Startup;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecutionHub.Tests.Infrastructure;

/// <summary>
/// The application's real service wiring (mediator pipeline, validators, EF Core, Identity) over a
/// database of the test's own — a SQLite file, or a database on the run's throwaway PostgreSQL server
/// (<see cref="TestDatabase"/> is the one switch) — with a fake clock and a settable sender. Databases with demo
/// data are copied from one seeded template per provider, so each test starts from the same known state.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 1, 30, 0, TimeSpan.Zero);

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? demoTemplate;
    private static string? postgresDemoTemplate;

    private readonly string folder;
    private readonly TestDatabase database;

    private TestApp(string folder, TestDatabase database, ServiceProvider services, FakeTimeProvider clock, TestCurrentUser user)
    {
        this.folder = folder;
        this.database = database;
        Services = services;
        Clock = clock;
        User = user;
    }

    /// <summary>Which database this app runs on.</summary>
    public DatabaseProvider Provider => database.Provider;

    public ServiceProvider Services { get; }

    /// <summary>The test's SQLite file, for a web host that must share it (the API tests).</summary>
    public string DatabasePath => Path.Combine(folder, "app.db");

    /// <summary>The test's own folder, deleted on dispose.</summary>
    public string Folder => folder;

    public FakeTimeProvider Clock { get; }

    public TestCurrentUser User { get; }

    /// <param name="settings">Configuration added to (or overriding) the test defaults, e.g. a fake gateway's URL.</param>
    /// <param name="provider">The database; unset, the run's choice (<see cref="TestDatabase.Chosen"/>).</param>
    public static async Task<TestApp> CreateAsync(bool demoData = false, IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider? provider = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "executionhub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = (provider ?? TestDatabase.Chosen) == DatabaseProvider.PostgreSql
            ? await TestDatabase.PostgreSqlAsync(demoData ? await PostgresDemoTemplateAsync() : null)
            : TestDatabase.Sqlite(Path.Combine(folder, "app.db"), demoData ? await DemoTemplateAsync() : null);

        // A copied template is already seeded; seeding it again would only slow every test down.
        var app = Build(folder, database, seed: false, settings);
        await app.Services.InitialiseDatabaseAsync();
        return app;
    }

    private static TestApp Build(string folder, TestDatabase database, bool seed, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:ExecutionHub"] = database.ConnectionString,
                ["Demo:Seed"] = seed ? "true" : "false",
                ["Demo:Password"] = DemoPassword,
                ["Identity:RequiredPasswordLength"] = "12",
                ["Identity:LockoutMaxFailedAttempts"] = "20",
                ["Identity:LockoutMinutes"] = "15",
                // The fake clock moves only when a test moves it: a refusal waiting for it would never be answered.
                ["Security:SignInFailures:RefusalMilliseconds"] = "0",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var clock = new FakeTimeProvider(Start);
        var user = new TestCurrentUser();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddExecutionHubApplication(configuration, folder);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ICurrentUser>(user);
        return new TestApp(folder, database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), clock, user);
    }

    public const string DemoPassword = "Demo#Pass2026";

    private static async Task<string> DemoTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (demoTemplate is null)
            {
                // The template outlives the app that seeds it: that app's own folder is deleted on dispose.
                var templateFolder = Path.Combine(Path.GetTempPath(), "executionhub-tests", "template-" + Guid.NewGuid().ToString("N"));
                var seedingFolder = Path.Combine(Path.GetTempPath(), "executionhub-tests", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(templateFolder);
                Directory.CreateDirectory(seedingFolder);
                var path = Path.Combine(templateFolder, "demo.db");
                await using (var app = Build(seedingFolder, TestDatabase.Sqlite(path, template: null), seed: true))
                {
                    await app.Services.InitialiseDatabaseAsync();
                    await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }

                demoTemplate = path;
            }

            return demoTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>The demo, seeded once per run into a PostgreSQL database that each test's database is then made from (CREATE DATABASE … TEMPLATE).</summary>
    private static async Task<string> PostgresDemoTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (postgresDemoTemplate is null)
            {
                var seedingFolder = Path.Combine(Path.GetTempPath(), "executionhub-tests", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(seedingFolder);
                var template = await TestDatabase.PostgreSqlAsync(template: null, prefix: "demo_template");
                await using (var app = Build(seedingFolder, template, seed: true))
                {
                    await app.Services.InitialiseDatabaseAsync();
                }

                postgresDemoTemplate = template.Name;
            }

            return postgresDemoTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>Sends a request as the current <see cref="User"/>, through the whole pipeline, in a fresh scope.</summary>
    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public async Task<AppDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>Acts as the demo account <paramref name="userName"/> from now on.</summary>
    public async Task<UserContext> SignInAsAsync(string userName)
    {
        await using var db = await DbAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync();
        User.Current = new UserContext(user.Id, user.DisplayName, roles.ToHashSet(), user.CourtId, user.StreetId, user.GridId, user.PartnerAgencyId);
        return User.Current;
    }

    /// <summary>
    /// A process restart: this app's services are disposed and a fresh service provider opens the
    /// same database file, its clock carrying on from this one's. Dispose the returned app first;
    /// disposing this one afterwards deletes the folder.
    /// </summary>
    /// <param name="settings">Configuration of the restarted app over the test defaults, e.g. <c>Demo:Seed</c> on.</param>
    public async Task<TestApp> RestartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        await Services.DisposeAsync();
        TestDatabase.ClearPools();
        var restarted = Build(folder, database, seed: false, settings);
        restarted.Clock.SetUtcNow(Clock.GetUtcNow());
        await restarted.Services.InitialiseDatabaseAsync();
        return restarted;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        TestDatabase.ClearPools();
        await database.DropAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow machine is left for the OS temp cleaner.
        }
    }
}

public sealed class TestCurrentUser : ICurrentUser
{
    public UserContext Current { get; set; } = UserContext.Anonymous;

    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(Current);
}
