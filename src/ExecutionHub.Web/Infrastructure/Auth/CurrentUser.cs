using Microsoft.AspNetCore.Components.Authorization;

namespace ExecutionHub.Web.Infrastructure.Auth;

/// <summary>The sender of the request being handled.</summary>
public interface ICurrentUser
{
    ValueTask<UserContext> GetAsync();
}

/// <summary>
/// Reads the user from the circuit's authentication state (interactive components) or, outside a
/// circuit, from the HTTP request. Jobs and tests supply their own <see cref="ICurrentUser"/>.
/// </summary>
public sealed class HttpOrCircuitCurrentUser(
    IServiceProvider services,
    IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    public async ValueTask<UserContext> GetAsync()
    {
        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is not null)
        {
            try
            {
                var state = await provider.GetAuthenticationStateAsync();
                return ScopeClaims.ToUserContext(state.User);
            }
            catch (InvalidOperationException)
            {
                // Not inside a component scope: fall through to the HTTP request.
            }
        }

        var http = httpContextAccessor.HttpContext;
        return http is null ? UserContext.Anonymous : ScopeClaims.ToUserContext(http.User);
    }
}
