using Mediator;

namespace ExecutionHub.Tests.Architecture.Probes;

// What the handler rule must catch, in a namespace of their own so the rule can be run on them alone.

public sealed record ProbeQuery : IQuery<int>;

public sealed class ProbeHandler : IQueryHandler<ProbeQuery, int>
{
    public ValueTask<int> Handle(ProbeQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(Shared());

    internal static int Shared() => 42;
}

public static class ProbeCaller
{
    public static int Call() => ProbeHandler.Shared();
}

/// <summary>Calls the handler only from an async state machine and a lambda's closure, both nested types the compiler writes.</summary>
public sealed class ProbeAsyncCaller(int offset)
{
    public async Task<int> CallAsync()
    {
        await Task.Yield();
        return new[] { 1 }.Select(n => n + offset + ProbeHandler.Shared()).Single();
    }
}
