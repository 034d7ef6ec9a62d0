using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Deadlines;

/// <summary>
/// The every-minute deadline sweep. It reads only matters and tasks whose next alert time has come
/// (an index range on NextAlertAtUtc), so its cost follows what is due, not how many matters exist.
/// Each alert row has a unique key — what, which kind, which deadline version — and is saved in
/// one transaction with its notifications and the row's next alert time, so a sweep that runs
/// twice, concurrently or after a crash fires each alert exactly once.
/// </summary>
public sealed class DeadlineSweep(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, INotificationSignal signal, ILogger<DeadlineSweep> logger)
{
    public const string JobId = "deadline-sweep";
    private const int Batch = 200;
    private const int MaxRounds = 50;

    public sealed record Result(int Alerts, int Notifications);

    [JobDisplayName("Deadline sweep (due soon, overdue, escalation)")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var alerts = 0;
        var notifications = 0;
        var recipients = new HashSet<string>(StringComparer.Ordinal);

        // Batch after batch until nothing is due; rows that could not be saved this time (a user
        // changed them meanwhile) are left for the next minute instead of being retried here.
        var tried = new HashSet<(int, int?)>();
        var coordinators = new Dictionary<int, IReadOnlyCollection<string>>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var due = (await DueAsync(now, cancellationToken)).Where(tried.Add).ToList();
            foreach (var (matterId, taskId) in due)
            {
                var outcome = await FireAsync(matterId, taskId, now, coordinators, cancellationToken);
                alerts += outcome.Alerts;
                notifications += outcome.Recipients.Count;
                recipients.UnionWith(outcome.Recipients);
            }

            if (due.Count == 0)
            {
                break;
            }
        }

        signal.Raise(recipients);
        if (alerts > 0)
        {
            logger.LogInformation("Deadline sweep fired {Alerts} alerts, {Notifications} notifications", alerts, notifications);
        }

        return new Result(alerts, notifications);
    }

    private async Task<List<(int MatterId, int? TaskId)>> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = await DueMatters(db, now).ToListAsync(cancellationToken);
        var tasks = await DueTasks(db, now).ToListAsync(cancellationToken);
        return matters.Select(id => (id, (int?)null)).Concat(tasks.Select(t => (t.MatterId, (int?)t.TaskId))).ToList();
    }

    /// <summary>The matters whose next alert has come: a range on the NextAlertAtUtc index.</summary>
    public static IQueryable<int> DueMatters(AppDbContext db, DateTime now) =>
        db.Matters.Where(m => m.NextAlertAtUtc != null && m.NextAlertAtUtc <= now)
            .OrderBy(m => m.NextAlertAtUtc).Select(m => m.Id).Take(Batch);

    /// <summary>The tasks whose next alert has come: a range on the tasks' NextAlertAtUtc index.</summary>
    public static IQueryable<(int MatterId, int TaskId)> DueTasks(AppDbContext db, DateTime now) =>
        db.Tasks.Where(t => t.NextAlertAtUtc != null && t.NextAlertAtUtc <= now)
            .OrderBy(t => t.NextAlertAtUtc).Select(t => ValueTuple.Create(t.MatterId, t.Id)).Take(Batch);

    /// <param name="coordinators">Each street's coordinators, filled as streets come up, so one sweep asks once per street.</param>
    private async Task<(int Alerts, IReadOnlyCollection<string> Recipients)> FireAsync(int matterId, int? taskId, DateTime now, Dictionary<int, IReadOnlyCollection<string>> coordinators, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.KeepVersions = true;
        var matter = await db.Matters.Include(m => m.Tasks).SingleAsync(m => m.Id == matterId, cancellationToken);
        var task = taskId is null ? null : matter.Tasks.Single(t => t.Id == taskId);
        var kinds = task is null ? matter.TakeDueAlerts(now) : task.TakeDueAlerts(matter, now);
        var everyone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var dueAt = task is null ? matter.AlertTime((int)kind - 1)!.Value : task.AlertTime((int)kind - 1, matter)!.Value;
            var alert = new Alert
            {
                Key = Alert.KeyFor(kind, matter.Id, task?.Id, task?.DeadlineVersion ?? matter.DeadlineVersion),
                Kind = kind,
                MatterId = matter.Id,
                TaskId = task?.Id,
                DeadlineVersion = task?.DeadlineVersion ?? matter.DeadlineVersion,
                DueAtUtc = dueAt,
                FiredAtUtc = now,
            };
            db.Alerts.Add(alert);
            if (!coordinators.TryGetValue(matter.StreetId, out var streetCoordinators))
            {
                streetCoordinators = await AlertRecipients.CoordinatorsAsync(db, matter.StreetId, cancellationToken);
                coordinators[matter.StreetId] = streetCoordinators;
            }

            foreach (var recipient in await AlertRecipients.ForAsync(db, matter, task, kind, streetCoordinators, cancellationToken))
            {
                everyone.Add(recipient);
                db.Notifications.Add(new Notification
                {
                    RecipientId = recipient,
                    Alert = alert,
                    MatterId = matter.Id,
                    TitleKey = AlertRecipients.TitleKey(kind, task is not null),
                    Subject = matter.Reference,
                    CreatedAtUtc = now,
                });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (kinds.Count, everyone);
        }
        catch (DbUpdateException ex)
        {
            // Another sweep fired the same alert (unique key) or a user changed the matter meanwhile
            // (version): nothing of this attempt was saved; the other writer's state stands.
            logger.LogDebug(ex, "Deadline sweep skipped matter {MatterId} task {TaskId}: changed concurrently", matterId, taskId);
            return (0, []);
        }
    }
}
