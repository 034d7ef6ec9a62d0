using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExecutionHub.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs against one database file (its DiagnosticListener's
/// CommandExecuted events, filtered by the connection's data source, so tests running alongside on
/// other files do not count).
/// </summary>
public sealed class DatabaseCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string databasePath;
    private readonly List<IDisposable> subscriptions = [];
    private long count;

    private DatabaseCommandCounter(string databasePath) => this.databasePath = databasePath;

    public long Count => Interlocked.Read(ref count);

    public static DatabaseCommandCounter For(string databasePath)
    {
        var counter = new DatabaseCommandCounter(databasePath);
        lock (counter.subscriptions)
        {
            counter.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(counter));
        }

        return counter;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed
            && executed.Command.Connection?.DataSource is { } source
            && string.Equals(Path.GetFullPath(source), Path.GetFullPath(databasePath), StringComparison.Ordinal))
        {
            Interlocked.Increment(ref count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }
}
