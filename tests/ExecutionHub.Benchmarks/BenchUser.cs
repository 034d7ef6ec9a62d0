using ExecutionHub.Web.Infrastructure.Auth;

namespace ExecutionHub.Benchmarks;

internal sealed class BenchUser : ICurrentUser
{
    public UserContext Current { get; set; } = UserContext.Anonymous;

    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(Current);
}
