using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Benchmarks;

/// <summary>Runs one request through the real mediator pipeline repeatedly, each in a fresh scope, and summarises the times.</summary>
internal static class Measure
{
    public sealed record Timing(double Median, double P95, double Max);

    /// <summary>
    /// Three warm-up runs, then <paramref name="iterations"/> timed ones; the last run's answer comes back too.
    /// <paramref name="beforeEach"/> runs before each, untimed (the dashboard's script makes each run evaluate anew).
    /// </summary>
    public static async Task<(Timing Timing, T Result)> TimeAsync<T>(ServiceProvider services, int iterations, Func<ISender, ValueTask<T>> send, Action? beforeEach = null)
    {
        var timings = new List<double>();
        T result = default!;
        for (var i = 0; i < iterations + 3; i++)
        {
            beforeEach?.Invoke();
            await using var scope = services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var watch = Stopwatch.StartNew();
            result = await send(sender);
            if (i >= 3)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        return (new Timing(timings[timings.Count / 2], timings[(int)(timings.Count * 0.95)], timings[^1]), result);
    }

    /// <summary>The 1-minute load average (as `uptime` shows it), printed beside each figure: the machine is shared.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : double.NaN.ToString(CultureInfo.InvariantCulture);
}
