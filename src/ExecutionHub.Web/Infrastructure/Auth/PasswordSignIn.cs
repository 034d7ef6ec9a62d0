using System.Net;
using System.Security.Cryptography;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;

namespace ExecutionHub.Web.Infrastructure.Auth;

/// <summary>
/// How many failed sign-ins one address may make for one user name before that address is refused for it until the
/// window ends (<c>Security:SignInFailures</c>). The account itself stays open to everyone else.
/// </summary>
public sealed class SignInFailureSettings
{
    public const string Section = "Security:SignInFailures";

    public int PermitLimit { get; set; } = 5;

    public int WindowSeconds { get; set; } = 900;

    /// <summary>
    /// The earliest a refusal is answered, counted from the post: whatever the reason, an outsider timing the form
    /// sees this, not the work behind it (which differs by a few milliseconds between reasons and by hundreds with the
    /// machine's load). Set above the slowest refusal's work; a user who mistyped waits this long.
    /// </summary>
    public int RefusalMilliseconds { get; set; } = 1000;
}

/// <summary>
/// Signs in with a user name and password so that a refusal tells nothing: an unknown user, a wrong password, a
/// disabled account, a locked account and an address held back for that user all get the same answer after the same
/// work — one user lookup and one password hash verification (against a stand-in hash when there is no account or
/// no password), and failures counted in memory, not written to the database one by one — and at the same time: no
/// refusal is answered sooner than <see cref="SignInFailureSettings.RefusalMilliseconds"/> after the post.
/// <para>
/// Failures count twice, in windows aligned to the clock: per address and user name
/// (<see cref="SignInFailureSettings"/>: 5 per 15 minutes), after which that address is refused for that user name
/// without a check until the window ends; and per user name from every address (<c>Identity:LockoutMaxFailedAttempts</c>
/// per <c>Identity:LockoutMinutes</c>: 20 per 15 minutes), which locks the account (saved, shown to administrators,
/// who may unlock it). One address alone therefore never locks an account; it takes at least four.
/// </para>
/// </summary>
public sealed class PasswordSignIn(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    AddressWindows windows,
    StandInPasswordHash standIn,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<PasswordSignIn> logger)
{
    public const string AddressFailureRule = "SignInFailures";
    public const string AccountFailureRule = "SignInAccountFailures";

    /// <summary>The signed-in user (the cookie is set), or null: the one refusal for every reason.</summary>
    public async Task<AppUser?> SignInAsync(string userName, string password, IPAddress? address)
    {
        var started = clock.GetTimestamp();
        var settings = configuration.GetSection(SignInFailureSettings.Section).Get<SignInFailureSettings>() ?? new SignInFailureSettings();
        var addressWindow = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds));
        var lockout = users.Options.Lockout;
        var name = userName.ToUpperInvariant();
        var addressKey = ClientAddress.PartitionOf(address) + "\n" + name;

        var user = await users.FindByNameAsync(userName);
        var passwordMatches = user?.PasswordHash is not null
            ? await users.CheckPasswordAsync(user, password)
            : standIn.Verify(hasher, password);

        var heldBack = windows.Peek(AddressFailureRule, addressKey, settings.PermitLimit, addressWindow) is not null;
        var now = clock.GetUtcNow();
        var refused = user is null || heldBack || !passwordMatches || IsLockedOut(user, now) || !await signIn.CanSignInAsync(user);
        if (!refused)
        {
            await signIn.SignInAsync(user!, isPersistent: false);
            return user;
        }

        windows.Add(AddressFailureRule, addressKey, addressWindow);
        if (!heldBack)
        {
            windows.Add(AccountFailureRule, name, lockout.DefaultLockoutTimeSpan);
            if (user is { LockoutEnabled: true } && !IsLockedOut(user, now)
                && windows.Peek(AccountFailureRule, name, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan) is not null)
            {
                await users.SetLockoutEndDateAsync(user, now + lockout.DefaultLockoutTimeSpan);
                logger.LogWarning("Account {UserName} locked after {Failures} failed sign-ins within {Window}", user.UserName, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan);
            }
        }

        var remaining = TimeSpan.FromMilliseconds(settings.RefusalMilliseconds) - clock.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, clock);
        }

        return null;
    }

    /// <summary>Read with the injected clock, as the administrators' user list reads it.</summary>
    private static bool IsLockedOut(AppUser user, DateTimeOffset now) => user.LockoutEnabled && user.LockoutEnd > now;
}

/// <summary>
/// A hash of a random password made once per process by the app's own hasher (same algorithm and iterations), so
/// checking a password against it costs what checking a real account's does.
/// </summary>
public sealed class StandInPasswordHash
{
    private readonly AppUser nobody = new() { UserName = "", DisplayName = "" };
    private string? hash;

    /// <summary>Always false; takes as long as a real check.</summary>
    public bool Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        var standIn = LazyInitializer.EnsureInitialized(ref hash, () => hasher.HashPassword(nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        hasher.VerifyHashedPassword(nobody, standIn, password);
        return false;
    }
}
