namespace ExecutionHub.Web.Infrastructure.Mediator;

/// <summary>
/// Declares which roles may send a request. Every request type must carry this attribute,
/// <see cref="AllowAnySignedInUserAttribute"/> or <see cref="AllowAnonymousRequestAttribute"/>;
/// the pipeline refuses one that carries none.
/// When the request also implements <see cref="IScopedRequest"/>, the sender must hold one of the
/// roles in a scope that covers the request's target (a judge's court, a coordinator's street…).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Declares a request any signed-in user may send about themselves (e.g. their UI language).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnySignedInUserAttribute : Attribute;

/// <summary>
/// Declares a request anyone may send, signed in or not (the public progress page). The pipeline
/// lets it through; its handler must itself check what entitles the sender (a one-time code).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousRequestAttribute : Attribute;

/// <summary>A request that targets org units; the pipeline checks the sender's scope covers them.</summary>
public interface IScopedRequest
{
    /// <summary>Resolves the org units the request touches (may read the database).</summary>
    ValueTask<Auth.OrgScope> ResolveScopeAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>
/// Declares that an API client holding <see cref="Scope"/> may send the request (through the
/// API). A client is never let in by <see cref="AllowedAttribute"/>'s roles, only by this; when the
/// request is an <see cref="IScopedRequest"/>, its target must also be in the client's court (or
/// referred by the client).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ApiScopeAttribute(string scope) : Attribute
{
    public string Scope { get; } = scope;
}
