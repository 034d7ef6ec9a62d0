using ExecutionHub.Web.Features.Demo;

namespace ExecutionHub.Tests.Features.Demo;

/// <summary>When a start may seed the demo, and when it must refuse to start at all.</summary>
public sealed class DemoSafetyTests
{
    [Theory]
    [InlineData(true, true, true, true, false, DemoSeedingVerdict.Seed)]
    [InlineData(true, true, true, false, true, DemoSeedingVerdict.Seed)]
    [InlineData(true, true, true, false, false, DemoSeedingVerdict.OnNetwork)]
    [InlineData(true, true, false, true, false, DemoSeedingVerdict.DatabaseInUse)]
    [InlineData(true, true, false, false, true, DemoSeedingVerdict.DatabaseInUse)]
    [InlineData(true, false, true, true, false, DemoSeedingVerdict.NotSqlite)]
    [InlineData(false, true, true, true, false, DemoSeedingVerdict.NotRequested)]
    public void Should_seed_only_an_empty_sqlite_database_on_loopback_unless_the_network_is_overridden(
        bool requested, bool isSqlite, bool holdsOnlyDemoAccounts, bool loopbackOnly, bool overridden, DemoSeedingVerdict expected) =>
        Assert.Equal(expected, DemoSafety.Decide(requested, isSqlite, holdsOnlyDemoAccounts, loopbackOnly, overridden));

    [Theory]
    [InlineData(true, false, false, false, true)]
    [InlineData(true, true, false, false, false)]
    [InlineData(true, false, true, false, false)]
    [InlineData(true, false, false, true, false)]
    [InlineData(false, false, false, false, false)]
    public void Should_refuse_a_start_on_the_network_while_known_password_accounts_exist(
        bool accountsExist, bool loopbackOnly, bool overridden, bool isDevelopment, bool refused) =>
        Assert.Equal(refused, DemoSafety.MustRefuseStart(accountsExist, loopbackOnly, overridden, isDevelopment));

    [Fact]
    public void Should_say_why_a_start_is_refused_and_every_way_out()
    {
        var message = DemoSafety.ExplainStartRefusal(["admin", "judge.wang", "judge.li", "coord.chen", "grid.w01", DemoApiClient.Name], ["http://0.0.0.0:5000", "http://localhost:5001"], "/srv/data/executionhub.db");

        Assert.Contains("admin, judge.wang, judge.li, coord.chen and 2 more", message, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:5000", message, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost:5001", message, StringComparison.Ordinal);
        Assert.Contains("--remove-demo", message, StringComparison.Ordinal);
        Assert.Contains("--create-admin", message, StringComparison.Ordinal);
        Assert.Contains("/srv/data/executionhub.db", message, StringComparison.Ordinal);
        Assert.Contains(DemoSafety.OverrideKey + "=true", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_override_when_it_refuses_to_seed_on_the_network()
    {
        var warning = DemoSafety.ExplainRefusal(DemoSeedingVerdict.OnNetwork, ["http://*:8080"]);

        Assert.Contains("NOT seeded", warning, StringComparison.Ordinal);
        Assert.Contains("http://*:8080", warning, StringComparison.Ordinal);
        Assert.Contains(DemoSafety.OverrideKey, warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("judge.wang", true)]
    [InlineData("JUDGE.WANG", true)]
    [InlineData("grid.w07", true)]
    [InlineData("grid.wang", false)]
    [InlineData("grid.w7", false)]
    [InlineData("chief.admin", false)]
    public void Should_know_the_user_names_the_demo_gives_out(string userName, bool demo) =>
        Assert.Equal(demo, DemoAccounts.IsDemoUserName(userName));
}
