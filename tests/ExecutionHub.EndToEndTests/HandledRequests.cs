using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.EndToEndTests;

/// <summary>
/// Counts the mediator pipeline's "{Request} handled in … ms" lines per request type: how many times the app read
/// something, whichever circuit or prerender asked.
/// </summary>
public sealed class HandledRequests : ILoggerProvider
{
    public const string Category = "ExecutionHub.Web.Infrastructure.Mediator";

    private readonly ConcurrentDictionary<string, int> handled = new(StringComparer.Ordinal);

    public int Count(string request) => handled.GetValueOrDefault(request);

    public ILogger CreateLogger(string categoryName) => categoryName.StartsWith(Category, StringComparison.Ordinal) ? new Logger(this) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(HandledRequests counts) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "Request").Value is string request
                && values.Any(v => v.Key == "{OriginalFormat}" && v.Value is string format && format.StartsWith("{Request} handled", StringComparison.Ordinal)))
            {
                counts.handled.AddOrUpdate(request, 1, (_, n) => n + 1);
            }
        }
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
