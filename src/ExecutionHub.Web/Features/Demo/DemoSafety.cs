namespace ExecutionHub.Web.Features.Demo;

/// <summary>Why a start seeds the demo or not; anything but <see cref="Seed"/> and <see cref="NotRequested"/> is a refusal.</summary>
public enum DemoSeedingVerdict
{
    Seed,
    NotRequested,
    NotSqlite,
    DatabaseInUse,
    OnNetwork,
}

/// <summary>
/// When demo accounts, whose password anyone can read in the README, may exist: only where nobody
/// else can reach them (every address the app listens on is loopback), or where somebody said so
/// with a setting that names the risk. The README's <c>dotnet run</c> listens on localhost, so it
/// still gets the whole demo; a real deployment, which listens on the network, never gets it by accident.
/// </summary>
public static class DemoSafety
{
    /// <summary>The setting that lets demo accounts exist on a network address: for showing the demo to others, knowingly.</summary>
    public const string OverrideKey = "Demo:AllowKnownPasswordsOnNetwork";

    /// <summary>
    /// Seeds only when asked (<c>Demo:Seed</c>), into a SQLite database that holds no one but the
    /// demo's own accounts (empty, or a demo seeded before — its seeding looks before it writes and
    /// finishes a start that was cut short), and only on loopback unless overridden. A database with
    /// a real account — an administrator made with <c>--create-admin</c>, say — never gets demo data.
    /// </summary>
    public static DemoSeedingVerdict Decide(bool requested, bool isSqlite, bool holdsOnlyDemoAccounts, bool loopbackOnly, bool overridden) =>
        !requested ? DemoSeedingVerdict.NotRequested
        : !isSqlite ? DemoSeedingVerdict.NotSqlite
        : !holdsOnlyDemoAccounts ? DemoSeedingVerdict.DatabaseInUse
        : !loopbackOnly && !overridden ? DemoSeedingVerdict.OnNetwork
        : DemoSeedingVerdict.Seed;

    /// <summary>
    /// Whether a start must refuse: demo accounts with the published password exist, the app is about
    /// to listen on the network, nobody overrode that, and it is not a developer's machine
    /// (<c>Development</c>). Production is what an unset environment means, so this is every real start.
    /// </summary>
    public static bool MustRefuseStart(bool knownPasswordAccountsExist, bool loopbackOnly, bool overridden, bool isDevelopment) =>
        knownPasswordAccountsExist && !loopbackOnly && !overridden && !isDevelopment;

    /// <summary>The warning a start logs when the demo was asked for and not seeded.</summary>
    public static string ExplainRefusal(DemoSeedingVerdict verdict, IReadOnlyList<string> addresses) => verdict switch
    {
        DemoSeedingVerdict.NotSqlite =>
            "Demo:Seed is true but the demo data was NOT seeded: the database is not SQLite. Demo data goes only into the embedded SQLite database.",
        DemoSeedingVerdict.DatabaseInUse =>
            "Demo:Seed is true but the demo data was NOT seeded: the database already holds accounts other than the demo's, " +
            "so it is a real installation. Set Demo:Seed to false to silence this warning; for the demo, start with an empty database.",
        DemoSeedingVerdict.OnNetwork =>
            $"Demo:Seed is true but the demo data was NOT seeded: the app listens on a network address ({string.Join(", ", addresses.Where(a => !IsLoopback(a)))}), " +
            $"and the demo accounts' password is published, so anyone who can reach it could sign in. Listen on localhost only " +
            $"(e.g. --urls http://localhost:5000) for the demo, or set {OverrideKey}=true to show it on the network knowingly. " +
            "A real installation sets Demo:Seed to false and creates its first administrator with --create-admin.",
        _ => "",
    };

    /// <summary>What a refused start says: what is wrong, and the three ways out.</summary>
    public static string ExplainStartRefusal(IReadOnlyList<string> accounts, IReadOnlyList<string> addresses, string databaseFile) =>
        $"""
        ExecutionHub refuses to start: the database holds demo accounts whose password is published in the README
        ({Describe(accounts)}), and this start listens on a network address ({string.Join(", ", addresses.Where(a => !IsLoopback(a)))}),
        where anyone who can reach it could sign in with them. Do one of these:
          - remove them, keeping everything else: dotnet ExecutionHub.Web.dll --remove-demo
            (disables the demo accounts and revokes the demo API key), then create your administrator:
            dotnet ExecutionHub.Web.dll --create-admin <user name>;
          - or start a real installation from an empty database: set Demo:Seed to false, delete {databaseFile},
            and create your administrator with --create-admin;
          - or, to show the demo on the network knowingly, set {OverrideKey}=true.
        """;

    private static string Describe(IReadOnlyList<string> accounts) =>
        accounts.Count <= 4 ? string.Join(", ", accounts) : $"{string.Join(", ", accounts.Take(4))} and {accounts.Count - 4} more";

    private static bool IsLoopback(string address) => Infrastructure.Hosting.ListeningAddresses.IsLoopback(address);
}
