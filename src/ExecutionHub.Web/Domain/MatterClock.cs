namespace ExecutionHub.Web.Domain;

/// <summary>
/// A matter's clock at an instant: time left (negative when overdue), time paused so far, and —
/// once fed back — the feedback cycle: first feedback minus receipt minus the time paused before it.
/// </summary>
public readonly record struct MatterClock(TimeSpan TimeLeft, TimeSpan Paused, bool IsPaused, TimeSpan? FeedbackCycle, bool IsStopped)
{
    public bool IsOverdue => !IsStopped && TimeLeft < TimeSpan.Zero;

    /// <summary>
    /// This clock <paramref name="elapsed"/> later, so a page can keep it running without asking the
    /// database again: a running clock loses the time, a paused one adds it to the pause, a stopped one stands.
    /// </summary>
    public MatterClock After(TimeSpan elapsed)
    {
        var span = elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
        return this switch
        {
            { IsStopped: true } => this,
            { IsPaused: true } => this with { Paused = Paused + span },
            _ => this with { TimeLeft = TimeLeft - span },
        };
    }

    public static MatterClock Of(Matter matter, DateTime now)
    {
        var running = matter.PausedAtUtc is { } pausedAt ? now - pausedAt : TimeSpan.Zero;
        var paused = TimeSpan.FromSeconds(matter.PausedSeconds) + running;
        TimeSpan? cycle = matter.FeedbackCycleSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

        // While paused the clock stands still at the moment the pause began; once the matter has
        // left the open states, it stands at the moment it left them.
        var stoppedAt = matter.Status switch
        {
            MatterStatus.FedBack or MatterStatus.Closed => matter.FedBackAtUtc,
            MatterStatus.Cancelled => matter.CancelledAtUtc,
            _ => null,
        };
        var reference = stoppedAt ?? matter.PausedAtUtc ?? now;
        return new MatterClock(matter.DueAtUtc - reference, paused, matter.IsPaused, cycle, stoppedAt is not null);
    }
}
