using System.Security.Cryptography;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Users;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Startup;

/// <summary>
/// A one-time step an operator runs instead of starting the app, which then exits:
/// <c>--create-admin &lt;user name&gt;</c>, the first administrator of a real installation (nothing is
/// seeded with a known password), or <c>--remove-demo</c>, which makes a demo database safe to keep.
/// Both are taken out of the arguments before the host reads them, so <c>--urls</c>,
/// <c>--contentRoot</c> and settings still apply (the same database as the app's start).
/// </summary>
public sealed class CommandLineStep
{
    public const string CreateAdmin = "--create-admin";
    public const string RemoveDemo = "--remove-demo";

    /// <summary>Where <c>--create-admin</c> reads the password first; else it reads a line piped in, else it generates one.</summary>
    public const string PasswordVariable = "EXECUTIONHUB_ADMIN_PASSWORD";

    private readonly string name;

    private CommandLineStep(string name, string? userName)
    {
        this.name = name;
        UserName = userName;
    }

    /// <summary>The administrator's user name given to <c>--create-admin</c>; null when missing (or for <c>--remove-demo</c>).</summary>
    public string? UserName { get; }

    /// <returns>The step asked for, if any, and the arguments left for the host.</returns>
    public static (CommandLineStep? Step, string[] HostArgs) Parse(string[] args)
    {
        var at = Array.FindIndex(args, arg => arg is CreateAdmin or RemoveDemo);
        if (at < 0)
        {
            return (null, args);
        }

        var userName = args[at] == CreateAdmin && at + 1 < args.Length && !args[at + 1].StartsWith('-') ? args[at + 1] : null;
        var taken = userName is null ? 1 : 2;
        return (new CommandLineStep(args[at], userName), [.. args[..at], .. args[(at + taken)..]]);
    }

    /// <returns>The process's exit code: 0 done, 1 refused, 2 used wrongly.</returns>
    public async Task<int> RunAsync(IHost app)
    {
        if (name == CreateAdmin && UserName is null)
        {
            await Console.Error.WriteLineAsync(Localizer(app.Services)["Cli.CreateAdmin.Usage", PasswordVariable]);
            return 2;
        }

        await app.Services.InitialiseWithoutDemoAsync();
        return name == RemoveDemo
            ? await RemoveDemoAsync(app.Services, Console.Out)
            : await CreateAdminAsync(app.Services, UserName!, ReadPassword(), Console.Out);
    }

    /// <summary>
    /// Creates the installation's first administrator through the same rules as the user dialog (name,
    /// password policy) and refuses when an enabled administrator exists: later accounts are made in
    /// the user administration, by a person the audit trail can name.
    /// </summary>
    /// <param name="password">Null: a strong one is generated and printed, once.</param>
    public static async Task<int> CreateAdminAsync(IServiceProvider root, string userName, string? password, TextWriter output, CancellationToken cancellationToken = default)
    {
        var localizer = Localizer(root);
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            var administrators = await db.Users
                .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))
                .OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
            if (administrators.Count > 0)
            {
                await output.WriteLineAsync(localizer["Cli.CreateAdmin.AdministratorExists", string.Join(", ", administrators), RemoveDemo]);
                return 1;
            }
        }

        var generated = password is null;
        password ??= GeneratePassword(services.GetRequiredService<UserManager<AppUser>>().Options.Password);
        var command = new CreateUser { UserName = userName, DisplayName = userName, Role = Roles.Administrator, Password = password };
        try
        {
            var validation = await services.GetRequiredService<IValidator<CreateUser>>().ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                throw new ValidationException(validation.Errors);
            }

            await UserAccountCreation.CreateAsync(
                services.GetRequiredService<IServiceScopeFactory>(), Actor(localizer), services.GetRequiredService<TimeProvider>(), localizer, command, cancellationToken);
        }
        catch (ValidationException e)
        {
            await output.WriteLineAsync(localizer["Cli.CreateAdmin.Invalid"]);
            foreach (var error in e.Errors)
            {
                await output.WriteLineAsync($"  - {error.ErrorMessage}");
            }

            return 1;
        }

        await output.WriteLineAsync(localizer["Cli.CreateAdmin.Created", userName]);
        if (generated)
        {
            await output.WriteLineAsync(localizer["Cli.CreateAdmin.GeneratedPassword", password]);
        }

        return 0;
    }

    /// <summary>Disables the accounts with the published password and revokes the demo API key, then says what it did.</summary>
    public static async Task<int> RemoveDemoAsync(IServiceProvider root, TextWriter output, CancellationToken cancellationToken = default)
    {
        var localizer = Localizer(root);
        var outcome = await DemoAccountRemoval.RemoveAsync(root, Actor(localizer), cancellationToken);
        if (outcome.DisabledUsers.Count == 0 && !outcome.ApiKeyRevoked)
        {
            await output.WriteLineAsync(localizer["Cli.RemoveDemo.Nothing"]);
            return 0;
        }

        await output.WriteLineAsync(localizer["Cli.RemoveDemo.Disabled", outcome.DisabledUsers.Count, string.Join(", ", outcome.DisabledUsers)]);
        if (outcome.ApiKeyRevoked)
        {
            await output.WriteLineAsync(localizer["Cli.RemoveDemo.ApiKeyRevoked"]);
        }

        await output.WriteLineAsync(localizer["Cli.RemoveDemo.Next", CreateAdmin]);
        return 0;
    }

    /// <summary>Letters and digits (no look-alikes), at least one of each kind the policy asks for, never shorter than 20.</summary>
    public static string GeneratePassword(PasswordOptions policy)
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "#%+=@";
        var any = lower + upper + digits;
        var characters = Enumerable.Range(0, Math.Max(20, policy.RequiredLength)).Select(_ => Pick(any)).ToArray();
        characters[0] = Pick(lower);
        characters[1] = Pick(upper);
        characters[2] = Pick(digits);
        if (policy.RequireNonAlphanumeric)
        {
            characters[3] = Pick(symbols);
        }

        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }

    /// <summary>
    /// The variable, else the first line piped in (<c>… | dotnet ExecutionHub.Web.dll --create-admin</c>),
    /// else none. The variable comes first: reading a pipe nobody writes to would wait for ever.
    /// </summary>
    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } set)
        {
            return set;
        }

        return Console.IsInputRedirected && Console.In.ReadLine() is { Length: > 0 } piped ? piped : null;
    }

    private static UserContext Actor(IStringLocalizer<SharedResource> localizer) => new("", localizer["Cli.Actor"], new HashSet<string>());

    private static IStringLocalizer<SharedResource> Localizer(IServiceProvider services) => services.GetRequiredService<IStringLocalizer<SharedResource>>();
}
