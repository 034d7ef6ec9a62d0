using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Tests.Infrastructure;

public sealed class RequestDeclarationTests
{
    private static readonly Type[] AppRequestTypes = typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
        .ToArray();

    /// <summary>Request types that say neither who may send them nor that any signed-in user may.</summary>
    private static IEnumerable<Type> Undeclared(IEnumerable<Type> requestTypes) =>
        requestTypes.Where(t => RequestDeclarations.Of(t) is null);

    [Fact]
    public void Every_request_type_declares_who_may_send_it__a_new_one_without_a_declaration_fails_here()
    {
        Assert.NotEmpty(AppRequestTypes);
        var undeclared = Undeclared(AppRequestTypes).Select(t => t.FullName).ToList();
        Assert.True(undeclared.Count == 0, $"Request types without [Allowed(...)], [AllowAnySignedInUser] or [AllowAnonymousRequest]: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void The_declaration_check_catches_an_undeclared_request_type()
    {
        Assert.Equal([typeof(UndeclaredProbe)], Undeclared([typeof(DeclaredProbe), typeof(UndeclaredProbe)]));
    }

    [Fact]
    public void An_allowed_attribute_with_no_roles_counts_as_no_declaration()
    {
        Assert.Null(RequestDeclarations.Of(typeof(EmptyAllowedProbe)));
    }

    [Fact]
    public void A_request_open_to_anyone_is_declared_and_says_so()
    {
        Assert.Equal(new RequestDeclarations.Declaration(null, Anonymous: true), RequestDeclarations.Of(typeof(AnonymousProbe)));
        Assert.False(RequestDeclarations.Of(typeof(DeclaredProbe))!.Anonymous);
    }

    [Allowed("Judge")]
    private sealed record DeclaredProbe : ICommand;

    [AllowAnonymousRequest]
    private sealed record AnonymousProbe : ICommand;

    private sealed record UndeclaredProbe : ICommand;

    [Allowed]
    private sealed record EmptyAllowedProbe : ICommand;
}
