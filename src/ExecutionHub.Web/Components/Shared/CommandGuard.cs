namespace ExecutionHub.Web.Components.Shared;

/// <summary>
/// One command at a time from one control. Blazor Server handles a circuit's events one after the
/// other, but a handler yields at its first await and the next event (the second click of a
/// double-click, Enter on the focused button, a click landing before the disabled button reaches
/// the browser) runs before the first has finished. The flag is set before that first await, so
/// the repeat finds it and is dropped instead of saving twice.
/// </summary>
public sealed class CommandGuard
{
    public bool IsRunning { get; private set; }

    /// <summary>Runs <paramref name="command"/> unless one is already running; false when it was dropped.</summary>
    public async Task<bool> RunAsync(Func<Task> command)
    {
        if (IsRunning)
        {
            return false;
        }

        IsRunning = true;
        try
        {
            await command();
            return true;
        }
        finally
        {
            IsRunning = false;
        }
    }
}
