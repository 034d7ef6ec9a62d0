using System.Diagnostics;
using System.Net;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ExecutionHub.Tests.Infrastructure.Auth;

/// <summary>
/// A refused sign-in tells an outsider nothing: an unknown user, a wrong password, a disabled account and a locked
/// account get the same answer after the same work.
/// </summary>
public sealed class PasswordSignInTests : IAsyncLifetime
{
    private const string WrongPassword = "wrong-password-123";
    private TestApp app = default!;

    public async Task InitializeAsync() => app = await RefusalsAppAsync();

    /// <summary>
    /// The demo with grid.sun disabled and coord.chen locked, and the failure counts raised out of the way: these tests
    /// are about each refusal's own work, not about holding back.
    /// </summary>
    internal static async Task<TestApp> RefusalsAppAsync(params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Identity:LockoutMaxFailedAttempts"] = "1000000",
            ["Security:SignInFailures:PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var app = await TestApp.CreateAsync(demoData: true, configuration);
        await using var db = await app.DbAsync();
        await db.Users.Where(u => u.UserName == "grid.sun").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        await db.Users.Where(u => u.UserName == "coord.chen").ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnabled, true)
            .SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddYears(1)));
        return app;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public static TheoryData<string, string> Refusals => new()
    {
        { "unknown user", "nobody.here" },
        { "wrong password", "judge.wang" },
        { "disabled account", "grid.sun" },
        { "locked account", "coord.chen" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_refusal_checks_exactly_one_password_hash_and_signs_nobody_in(string refusal, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hasher = new CountingHasher(scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>());
        var signIn = SignInWith(scope.ServiceProvider, hasher);

        var password = refusal == "wrong password" ? WrongPassword : TestApp.DemoPassword;
        var user = await signIn.SignInAsync(userName, password, IPAddress.Parse("198.51.100.50"));

        Assert.Null(user);
        Assert.Equal(1, hasher.Verifications);
    }

    [Fact]
    public async Task The_right_password_of_an_enabled_account_signs_in_after_the_same_one_check()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hasher = new CountingHasher(scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>());
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext =
            new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };

        var user = await SignInWith(scope.ServiceProvider, hasher).SignInAsync("judge.wang", TestApp.DemoPassword, IPAddress.Parse("198.51.100.51"));

        Assert.Equal("judge.wang", user?.UserName);
        Assert.Equal(1, hasher.Verifications);
    }

    private static PasswordSignIn SignInWith(IServiceProvider services, CountingHasher hasher)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        users.PasswordHasher = hasher;
        return new PasswordSignIn(
            users,
            services.GetRequiredService<SignInManager<AppUser>>(),
            hasher,
            services.GetRequiredService<AddressWindows>(),
            services.GetRequiredService<StandInPasswordHash>(),
            services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<TimeProvider>(),
            NullLogger<PasswordSignIn>.Instance);
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
    {
        public int Verifications { get; private set; }

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
