using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// What an outsider can time on the sign-in form (issue 16.8: the same answer in the same time, ±10 ms, for an unknown
/// user, a wrong password, a disabled and a locked account). Posts the real form of the real app in memory, over a
/// fresh demo database, with the address and failure limits raised out of the way. Each round posts every case once in
/// a shuffled order; each case is compared with the wrong password of the same round, so a busy moment of the shared
/// machine that slows a whole round cancels out. Prints per case the median time and the median and p90 of its
/// difference from a wrong password, one password-hash check's time, and the load average.
/// </summary>
internal static partial class SignInScript
{
    private const string WrongPassword = "wrong-password-123";
    private const string Password = "Bench#Pass2026";

    public static async Task<int> RunAsync(int rounds)
    {
        var folder = Path.Combine(BenchDatabase.Folder, "signin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "app.db");
        try
        {
            await PrepareAsync(path);
            return await TimeAsync(path, folder, rounds);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The demo organisation with one disabled and one locked account.</summary>
    private static async Task PrepareAsync(string path)
    {
        await using var services = BenchDatabase.Services(path, new BenchUser());
        await services.InitialiseDatabaseAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.UserName == "grid.sun").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        await db.Users.Where(u => u.UserName == "coord.chen").ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnabled, true)
            .SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddYears(1)));
    }

    private static async Task<int> TimeAsync(string path, string folder, int rounds)
    {
        await using var factory = new WebApplicationFactory<AppDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseSetting("ConnectionStrings:ExecutionHub", $"Data Source={path}");
            builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(folder, "hangfire.db"));
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Storage:EvidencePath", Path.Combine(folder, "evidence"));
            builder.UseSetting("Security:AddressLimits:SignIn:PermitLimit", "1000000");
            builder.UseSetting("Security:SignInFailures:PermitLimit", "1000000");
            builder.UseSetting("Identity:LockoutMaxFailedAttempts", "1000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/account/signin")).Groups["token"].Value;

        (string Name, string UserName, string Password)[] cases =
        [
            ("wrong password", "judge.wang", WrongPassword),
            ("unknown user", "nobody.here", WrongPassword),
            ("disabled, wrong password", "grid.sun", WrongPassword),
            ("disabled, right password", "grid.sun", Password),
            ("locked, wrong password", "coord.chen", WrongPassword),
            ("locked, right password", "coord.chen", Password),
        ];
        var times = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var differences = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var random = new Random(168);
        for (var round = -3; round < rounds; round++)
        {
            var these = new Dictionary<string, double>();
            foreach (var (name, userName, password) in cases.OrderBy(_ => random.Next()))
            {
                these[name] = await PostAsync(client, token, userName, password);
            }

            if (round < 0)
            {
                continue;
            }

            foreach (var (name, _, _) in cases)
            {
                times[name].Add(these[name]);
                differences[name].Add(these[name] - these["wrong password"]);
            }
        }

        var check = HashCheck(factory.Services);
        Console.WriteLine($"sign-in form posts, {rounds} rounds of {cases.Length} in shuffled order; one password-hash check {check:0.0} ms   load {Measure.Load()}");
        Console.WriteLine($"{"case",-26} {"median",9} {"vs wrong password: median",26} {"p90 |diff|",11}");
        var worst = 0.0;
        foreach (var (name, _, _) in cases)
        {
            var difference = Median(differences[name]);
            worst = Math.Max(worst, Math.Abs(difference));
            var spread = Percentile(differences[name].Select(Math.Abs).ToList(), 0.9);
            Console.WriteLine($"{name,-26} {Median(times[name]),7:0.0} ms {difference,23:+0.0;-0.0;0.0} ms {spread,8:0.0} ms");
        }

        Console.WriteLine($"largest median difference {worst:0.0} ms (target ±10 ms)   load {Measure.Load()}");
        return 0;
    }

    private static async Task<double> PostAsync(HttpClient client, string token, string userName, string password)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var watch = Stopwatch.StartNew();
        using var answer = await client.PostAsync("/account/signin", form);
        var body = await answer.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (answer.StatusCode != HttpStatusCode.OK || !body.Contains("signin-error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{userName}: expected the refusal page, got {(int)answer.StatusCode}");
        }

        return elapsed;
    }

    private static double HashCheck(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        var user = new AppUser { UserName = "x", DisplayName = "x" };
        var hash = hasher.HashPassword(user, Password);
        var checks = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            hasher.VerifyHashedPassword(user, hash, WrongPassword);
            checks.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(checks);
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
