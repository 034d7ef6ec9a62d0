namespace ExecutionHub.Web.Infrastructure.Notifications;

/// <summary>
/// Coalesces a page's re-reads without a fixed delay: the first request after a quiet spell starts a
/// re-read at once; requests arriving while it runs make exactly one more after it ends (it may have
/// read before their change), however many they are; then nothing more. So a lone change is shown as
/// soon as it is read, and a burst costs two re-reads, never one per change.
/// </summary>
public sealed class RefreshGate(Func<Task> refresh)
{
    private readonly Lock gate = new();
    private bool running;
    private bool again;

    /// <summary>Whether a re-read is running or about to (for tests and diagnostics).</summary>
    public bool Running
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>Never waits and never throws: it is called on the thread that saved, inside its SaveChanges.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (running)
            {
                again = true;
                return;
            }

            running = true;
        }

        // Off the saving thread: the re-read must not hold up the save that published the change.
        _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        try
        {
            do
            {
                await refresh();
            }
            while (AgainElseStop());
        }
        catch
        {
            // The re-read threw (it reports its own errors): the next change may try again.
            lock (gate)
            {
                running = false;
                again = false;
            }

            throw;
        }
    }

    /// <summary>True (and cleared) when a request came during the re-read; else the gate closes.</summary>
    private bool AgainElseStop()
    {
        lock (gate)
        {
            running = again;
            again = false;
            return running;
        }
    }
}
