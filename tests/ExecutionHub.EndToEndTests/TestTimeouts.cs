using System.Globalization;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// How long the browser tests wait for things that take long only when the machine is busy. A first
/// start (migrations and demo seed) takes seconds on an idle machine but far longer on two cores shared
/// with the unit tests and a build, so the waits are generous and one setting moves them all.
/// </summary>
public static class TestTimeouts
{
    /// <summary>The environment variable that overrides <see cref="AppStart"/>, in whole seconds.</summary>
    public const string AppStartVariable = "EXECUTIONHUB_TEST_START_TIMEOUT_SECONDS";

    /// <summary>
    /// Every wait for an app to start: the in-process host and its demo follow-up, each process the
    /// restart tests start, and what such a start catches up on. 240 s unless <see cref="AppStartVariable"/> says otherwise.
    /// </summary>
    public static TimeSpan AppStart { get; } = FromEnvironment(AppStartVariable, TimeSpan.FromSeconds(240));

    /// <summary>A page's circuit connecting, and Playwright's expectations by default (they are condition waits: a pass returns at once).</summary>
    public static TimeSpan Page { get; } = TimeSpan.FromSeconds(30);

    private static TimeSpan FromEnvironment(string variable, TimeSpan fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : fallback;
}
