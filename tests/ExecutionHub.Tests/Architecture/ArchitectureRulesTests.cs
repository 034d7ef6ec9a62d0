using System.Reflection;
using ExecutionHub.Web.Data;
using ExecutionHub.Tests.Architecture.Probes;
using Mediator;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// The layer rules of docs/architecture.md ("who may use whom") as tests. Each fails with one line per offence,
/// "X uses Y", so whoever added the dependency sees both ends and where the code should go instead.
/// </summary>
public sealed class ArchitectureRulesTests
{
    private const string App = "ExecutionHub.Web";
    private const string Domain = App + ".Domain";
    private const string Data = App + ".Data";
    private const string Infrastructure = App + ".Infrastructure";
    private const string Features = App + ".Features";
    private const string SharedComponents = App + ".Components.Shared";

    private static readonly Assembly Web = typeof(AppDbContext).Assembly;
    private static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> WebUses = new(() => TypeUses.Of(Web));

    [Fact]
    public void Should_keep_the_domain_free_of_everything_but_System()
    {
        // Names starting with '<' are what the compiler emits for array and collection literals, not a dependency anyone wrote.
        var offences = Offences(Domain, used => !In(used, "System") && !In(used, Domain) && !used.StartsWith('<'));

        AssertNone(offences, "Domain types may use only System and the Domain itself (no EF Core, MudBlazor, Mediator, Data, " +
            "Infrastructure or Features); move the code that needs more into the feature, or pass the value in");
    }

    [Fact]
    public void Should_keep_data_free_of_features()
    {
        AssertNone(Offences(Data, used => In(used, Features)),
            "Data (the DbContext, its configurations and migrations) must not use Features; move what both need into the Domain or Data");
    }

    [Fact]
    public void Should_keep_infrastructure_free_of_features()
    {
        AssertNone(Offences(Infrastructure, used => In(used, Features)),
            "Infrastructure must not use Features: only the composition root (Startup, Program) wires features in. " +
            "Register the feature's services from Startup, or move what is shared out of the feature");
    }

    [Fact]
    public void Should_keep_shared_components_free_of_features()
    {
        AssertNone(Offences(SharedComponents, used => In(used, Features)),
            "Components/Shared are UI pieces every feature may use, so they must not use a feature; " +
            "pass what they need in as parameters, or move the component into its feature");
    }

    [Fact]
    public void Should_call_no_mediator_handler_from_another_type()
    {
        AssertNone(HandlerUses(Web, WebUses.Value, App),
            "A mediator handler is called only by the mediator (its generated code is not in " + App + "). " +
            "Move the part another type needs into a named service or a domain method that both call (docs/conventions.md, 'Requests and the mediator')");
    }

    [Fact]
    public void Should_find_a_type_that_calls_another_handler_even_from_an_async_method_or_a_lambda()
    {
        var tests = typeof(ArchitectureRulesTests).Assembly;

        var offences = HandlerUses(tests, TypeUses.Of(tests), typeof(ProbeHandler).Namespace!);

        Assert.Equal(
            [$"{typeof(ProbeAsyncCaller).FullName} uses {typeof(ProbeHandler).FullName}", $"{typeof(ProbeCaller).FullName} uses {typeof(ProbeHandler).FullName}"],
            offences);
    }

    private static bool In(string typeName, string ns) => typeName.StartsWith(ns + ".", StringComparison.Ordinal);

    /// <summary>"X uses Y" for each type X of namespace <paramref name="from"/> (or below) and each Y it uses that <paramref name="forbidden"/> says it must not.</summary>
    private static List<string> Offences(string from, Func<string, bool> forbidden) =>
        WebUses.Value.Where(type => In(type.Key, from))
            .SelectMany(type => type.Value.Where(forbidden).Select(used => $"{type.Key} uses {used}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>"X uses Y" for each type X of namespace <paramref name="scope"/> that uses a handler class Y other than itself.</summary>
    private static List<string> HandlerUses(Assembly assembly, IReadOnlyDictionary<string, HashSet<string>> uses, string scope)
    {
        var handlers = assembly.GetTypes().Where(IsHandler).Select(t => t.FullName!).Where(name => In(name, scope)).ToHashSet(StringComparer.Ordinal);
        return uses.Where(type => In(type.Key, scope))
            .SelectMany(type => type.Value.Where(handlers.Contains).Select(handler => $"{type.Key} uses {handler}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A class implementing one of Mediator's handler interfaces (command, query, request, notification, stream).</summary>
    private static bool IsHandler(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(i =>
            i.IsGenericType && i.Assembly == typeof(ICommandHandler<,>).Assembly && i.Name.Contains("Handler", StringComparison.Ordinal));

    private static void AssertNone(List<string> offences, string rule) =>
        Assert.True(offences.Count == 0, $"{rule}:{Environment.NewLine}{string.Join(Environment.NewLine, offences)}");
}
