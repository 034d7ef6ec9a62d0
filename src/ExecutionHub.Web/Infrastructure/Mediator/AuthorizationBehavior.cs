using System.Collections.Concurrent;
using System.Reflection;
using ExecutionHub.Web.Infrastructure.Auth;
using Mediator;

namespace ExecutionHub.Web.Infrastructure.Mediator;

/// <summary>
/// Deny by default: a request is handled only if its type declares who may send it and the
/// sender qualifies. Lives in the pipeline because a page's [Authorize] guards routing only,
/// not the handlers a circuit can reach.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser, IServiceProvider services)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync();
        var declaration = RequestDeclarations.Of(typeof(TMessage));
        if (declaration is null)
        {
            throw RequestRefusedException.Undeclared(typeof(TMessage));
        }

        if (!user.IsAuthenticated && !declaration.Anonymous)
        {
            throw RequestRefusedException.NotAllowed(typeof(TMessage));
        }

        if (user.IsApiClient)
        {
            // A client passes on its API scope alone, never on a role or "any signed-in user".
            if (declaration.ApiScope is not { } apiScope || !user.HasApiScope(apiScope))
            {
                throw RequestRefusedException.NotAllowed(typeof(TMessage));
            }

            if (message is IScopedRequest clientScoped
                && !user.Covers(Domain.Roles.ApiClient, await clientScoped.ResolveScopeAsync(services, cancellationToken)))
            {
                throw RequestRefusedException.NotAllowed(typeof(TMessage));
            }

            return await next(message, cancellationToken);
        }

        if (declaration.Roles is { } roles)
        {
            if (!user.IsInAnyRole(roles))
            {
                throw RequestRefusedException.NotAllowed(typeof(TMessage));
            }

            if (message is IScopedRequest scoped)
            {
                var target = await scoped.ResolveScopeAsync(services, cancellationToken);
                if (!roles.Any(role => user.Covers(role, target)))
                {
                    throw RequestRefusedException.NotAllowed(typeof(TMessage));
                }
            }
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>Reads (and caches) what a request type declares about who may send it.</summary>
public static class RequestDeclarations
{
    private static readonly ConcurrentDictionary<Type, Declaration?> Cache = new();

    /// <summary>
    /// Roles null means any signed-in user; <paramref name="Anonymous"/> also lets in a sender who is
    /// not signed in; <paramref name="ApiScope"/> names the scope an API client needs (none: no client may).
    /// </summary>
    public sealed record Declaration(IReadOnlyList<string>? Roles, bool Anonymous = false, string? ApiScope = null);

    public static Declaration? Of(Type requestType) => Cache.GetOrAdd(requestType, static type =>
    {
        var apiScope = type.GetCustomAttribute<ApiScopeAttribute>()?.Scope;
        if (type.GetCustomAttribute<AllowedAttribute>() is { } allowed)
        {
            return allowed.Roles.Count == 0 ? null : new Declaration(allowed.Roles, ApiScope: apiScope);
        }

        if (type.GetCustomAttribute<AllowAnonymousRequestAttribute>() is not null)
        {
            return new Declaration(null, Anonymous: true);
        }

        if (type.GetCustomAttribute<AllowAnySignedInUserAttribute>() is not null)
        {
            return new Declaration(null);
        }

        // A request only clients send: no role qualifies.
        return apiScope is null ? null : new Declaration([], ApiScope: apiScope);
    });
}
