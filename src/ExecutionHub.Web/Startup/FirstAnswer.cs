namespace ExecutionHub.Web.Startup;

/// <summary>
/// Start-up work the first page does not need (the demo's follow-up, writing the recurring jobs) waits for the app's
/// first answer, so on a two-core server it does not take the CPU from that page; when nobody asks for a page it
/// starts <see cref="Patience"/> after the host has started all the same.
/// </summary>
public sealed class FirstAnswer(IHostApplicationLifetime lifetime, TimeProvider clock)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Told by the middleware once a request has been answered.</summary>
    public void Answered() => answered.TrySetResult();

    public bool HasAnswered => answered.Task.IsCompleted;

    /// <summary>Completes once the host has started and then either answered a request or waited <see cref="Patience"/>.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var patience = Task.Delay(Patience, clock, stop.Token);
        await Task.WhenAny(answered.Task, patience).WaitAsync(cancellationToken);
        await stop.CancelAsync();
    }
}

public static class FirstAnswerMiddleware
{
    /// <summary>Marks the first answer; after it, one completed-task check per request.</summary>
    public static WebApplication UseFirstAnswer(this WebApplication app)
    {
        var firstAnswer = app.Services.GetRequiredService<FirstAnswer>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!firstAnswer.HasAnswered)
            {
                firstAnswer.Answered();
            }
        });
        return app;
    }
}
