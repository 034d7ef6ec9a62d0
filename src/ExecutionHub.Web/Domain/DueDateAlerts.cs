namespace ExecutionHub.Web.Domain;

/// <summary>
/// Something with a due day that the deadline sweep watches (a settlement instalment, a meeting's
/// action item): due soon <see cref="DueSoonDays"/> days before, overdue once its Shanghai due day
/// has ended. Unlike a matter it has no pause or extension, so each alert fires once in its life.
/// </summary>
public interface IDueDateWatched
{
    DateTime DueSoonAtUtc { get; }
    DateTime DueAtUtc { get; }
    DateTime? NextAlertAtUtc { get; set; }
    int AlertStage { get; set; }

    /// <summary>Whether it still needs watching (unpaid, not done).</summary>
    bool IsWatched { get; }
}

public static class DueDateAlerts
{
    public const int DueSoonDays = 3;

    /// <summary>Overdue from the first instant after the due day, in Shanghai.</summary>
    public static DateTime OverdueAt(DateOnly dueOn) => LocalDay.StartUtc(dueOn.AddDays(1));

    public static DateTime DueSoonAt(DateOnly dueOn) => LocalDay.StartUtc(dueOn.AddDays(-DueSoonDays));

    public static DateTime? AlertTime(IDueDateWatched item, int stage) => stage switch
    {
        0 => item.DueSoonAtUtc,
        1 => item.DueAtUtc,
        _ => null,
    };

    /// <summary>How the item stands at <paramref name="now"/>: done once no longer watched (paid, completed).</summary>
    public static DueState StateAt(this IDueDateWatched item, DateTime now) => !item.IsWatched ? DueState.Done
        : now >= item.DueAtUtc ? DueState.Overdue
        : now >= item.DueSoonAtUtc ? DueState.DueSoon
        : DueState.Due;

    public static void Schedule(IDueDateWatched item) =>
        item.NextAlertAtUtc = item.IsWatched ? AlertTime(item, item.AlertStage) : null;

    /// <summary>The alerts whose time has come, each taken once; one that is already overdue skips "due soon".</summary>
    public static IReadOnlyList<AlertKind> Take(IDueDateWatched item, DateTime now)
    {
        var kinds = new List<AlertKind>();
        while (item.IsWatched && AlertTime(item, item.AlertStage) is { } at && at <= now)
        {
            kinds.Add((AlertKind)(item.AlertStage + 1));
            item.AlertStage++;
        }

        if (kinds.Contains(AlertKind.Overdue))
        {
            kinds.Remove(AlertKind.DueSoon);
        }

        Schedule(item);
        return kinds;
    }
}

/// <summary>How an instalment or an action item stands today.</summary>
public enum DueState
{
    Due = 1,
    DueSoon = 2,
    Overdue = 3,
    Done = 4,
}
