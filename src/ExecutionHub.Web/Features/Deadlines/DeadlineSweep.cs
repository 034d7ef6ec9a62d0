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
        var tried = new HashSet<Subject>();
        var coordinators = new Dictionary<int, IReadOnlyCollection<string>>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var due = (await DueAsync(now, cancellationToken)).Where(tried.Add).ToList();
            foreach (var subject in due)
            {
                var outcome = subject.Kind switch
                {
                    SubjectKind.Instalment => await FireInstalmentAsync(subject.Id, now, coordinators, cancellationToken),
                    SubjectKind.ActionItem => await FireActionItemAsync(subject.Id, now, coordinators, cancellationToken),
                    _ => await FireAsync(subject.MatterId, subject.Kind == SubjectKind.Task ? subject.Id : null, now, coordinators, cancellationToken),
                };
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

    private enum SubjectKind
    {
        Matter,
        Task,
        Instalment,
        ActionItem,
    }

    /// <summary>What an alert can be about; <see cref="Id"/> is the matter's, task's, instalment's or action item's id.</summary>
    private readonly record struct Subject(SubjectKind Kind, int Id, int MatterId = 0);

    private async Task<List<Subject>> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = await DueMatters(db, now).ToListAsync(cancellationToken);
        var tasks = await DueTasks(db, now).ToListAsync(cancellationToken);
        var instalments = await DueInstalments(db, now).ToListAsync(cancellationToken);
        var actionItems = await DueActionItems(db, now).ToListAsync(cancellationToken);
        return
        [
            .. matters.Select(id => new Subject(SubjectKind.Matter, id, id)),
            .. tasks.Select(t => new Subject(SubjectKind.Task, t.TaskId, t.MatterId)),
            .. instalments.Select(id => new Subject(SubjectKind.Instalment, id)),
            .. actionItems.Select(id => new Subject(SubjectKind.ActionItem, id)),
        ];
    }

    /// <summary>The matters whose next alert has come: a range on the NextAlertAtUtc index.</summary>
    public static IQueryable<int> DueMatters(AppDbContext db, DateTime now) =>
        db.Matters.Where(m => m.NextAlertAtUtc != null && m.NextAlertAtUtc <= now)
            .OrderBy(m => m.NextAlertAtUtc).Select(m => m.Id).Take(Batch);

    /// <summary>The tasks whose next alert has come: a range on the tasks' NextAlertAtUtc index.</summary>
    public static IQueryable<(int MatterId, int TaskId)> DueTasks(AppDbContext db, DateTime now) =>
        db.Tasks.Where(t => t.NextAlertAtUtc != null && t.NextAlertAtUtc <= now)
            .OrderBy(t => t.NextAlertAtUtc).Select(t => ValueTuple.Create(t.MatterId, t.Id)).Take(Batch);

    /// <summary>The unpaid instalments whose next alert has come: a range on the instalments' NextAlertAtUtc index.</summary>
    public static IQueryable<int> DueInstalments(AppDbContext db, DateTime now) =>
        db.Instalments.Where(i => i.NextAlertAtUtc != null && i.NextAlertAtUtc <= now)
            .OrderBy(i => i.NextAlertAtUtc).Select(i => i.Id).Take(Batch);

    /// <summary>The open action items whose next alert has come: a range on the action items' NextAlertAtUtc index.</summary>
    public static IQueryable<int> DueActionItems(AppDbContext db, DateTime now) =>
        db.ActionItems.Where(a => a.NextAlertAtUtc != null && a.NextAlertAtUtc <= now)
            .OrderBy(a => a.NextAlertAtUtc).Select(a => a.Id).Take(Batch);

    private async Task<IReadOnlyCollection<string>> CoordinatorsAsync(AppDbContext db, int streetId, Dictionary<int, IReadOnlyCollection<string>> coordinators, CancellationToken cancellationToken)
    {
        if (!coordinators.TryGetValue(streetId, out var streetCoordinators))
        {
            streetCoordinators = await AlertRecipients.CoordinatorsAsync(db, streetId, cancellationToken);
            coordinators[streetId] = streetCoordinators;
        }

        return streetCoordinators;
    }

    /// <summary>An instalment's due-soon or overdue alert, to the street's coordinators and the mediator.</summary>
    private async Task<(int Alerts, IReadOnlyCollection<string> Recipients)> FireInstalmentAsync(int instalmentId, DateTime now, Dictionary<int, IReadOnlyCollection<string>> coordinators, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instalment = await db.Instalments.Include(i => i.Session).SingleAsync(i => i.Id == instalmentId, cancellationToken);
        var caseNumber = await db.Cases.Where(c => c.Id == instalment.CaseId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        var people = new HashSet<string>(await CoordinatorsAsync(db, instalment.StreetId, coordinators, cancellationToken), StringComparer.Ordinal) { instalment.Session!.MediatorId };
        return await SaveAsync(db, DueDateAlerts.Take(instalment, now), kind => new Alert
        {
            Key = Instalment.AlertKey(instalment.Id, kind),
            Kind = kind,
            InstalmentId = instalment.Id,
            DueAtUtc = DueDateAlerts.AlertTime(instalment, (int)kind - 1)!.Value,
            FiredAtUtc = now,
        }, people, kind => AlertRecipients.InstalmentTitleKey(kind), $"{caseNumber} #{instalment.Number}", $"/cases/{instalment.CaseId}", now, cancellationToken);
    }

    /// <summary>An action item's due-soon or overdue alert, to its owner (a person, or the agency's agents) and the street's coordinators.</summary>
    private async Task<(int Alerts, IReadOnlyCollection<string> Recipients)> FireActionItemAsync(int actionItemId, DateTime now, Dictionary<int, IReadOnlyCollection<string>> coordinators, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ActionItems.SingleAsync(a => a.Id == actionItemId, cancellationToken);
        var people = new HashSet<string>(await CoordinatorsAsync(db, item.StreetId, coordinators, cancellationToken), StringComparer.Ordinal);
        people.UnionWith(await AlertRecipients.OwnersAsync(db, item, cancellationToken));
        var subject = item.Description.Length > 60 ? item.Description[..60] + "…" : item.Description;
        return await SaveAsync(db, DueDateAlerts.Take(item, now), kind => new Alert
        {
            Key = ActionItem.AlertKey(item.Id, kind),
            Kind = kind,
            ActionItemId = item.Id,
            DueAtUtc = DueDateAlerts.AlertTime(item, (int)kind - 1)!.Value,
            FiredAtUtc = now,
        }, people, kind => AlertRecipients.ActionItemTitleKey(kind), subject, $"/meetings/{item.MeetingId}", now, cancellationToken);
    }

    /// <summary>The alerts and their notifications, with the row's next alert time, in one save: all or nothing.</summary>
    private async Task<(int Alerts, IReadOnlyCollection<string> Recipients)> SaveAsync(
        AppDbContext db, IReadOnlyList<AlertKind> kinds, Func<AlertKind, Alert> alertFor, IReadOnlyCollection<string> people,
        Func<AlertKind, string> titleKey, string subject, string link, DateTime now, CancellationToken cancellationToken)
    {
        db.KeepVersions = true;
        foreach (var kind in kinds)
        {
            var alert = alertFor(kind);
            db.Alerts.Add(alert);
            foreach (var recipient in people)
            {
                db.Notifications.Add(new Notification
                {
                    RecipientId = recipient,
                    Alert = alert,
                    TitleKey = titleKey(kind),
                    Subject = subject,
                    Link = link,
                    CreatedAtUtc = now,
                });
            }
        }

        return await SaveFirstAsync(db, link, cancellationToken) ? (kinds.Count, kinds.Count == 0 ? [] : people) : (0, []);
    }

    /// <summary>
    /// Saves the alerts the context holds, their notifications and the row's next alert time, unless another
    /// sweep fired one of those alerts first: checked inside a transaction that holds the write lock, so
    /// overlapping sweeps never run into the unique key and nothing is logged as a database error.
    /// </summary>
    private async Task<bool> SaveFirstAsync(AppDbContext db, string subject, CancellationToken cancellationToken)
    {
        var keys = db.ChangeTracker.Entries<Alert>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Key).ToList();
        try
        {
            await using var transaction = await AppDatabase.BeginWriteAsync(db, cancellationToken);
            if (keys.Count > 0 && await db.Alerts.AnyAsync(a => keys.Contains(a.Key), cancellationToken))
            {
                logger.LogDebug("Deadline sweep skipped {Subject}: fired by an overlapping sweep", subject);
                return false;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // A user changed the row meanwhile (version): nothing of this attempt was saved; theirs stands.
            logger.LogDebug(ex, "Deadline sweep skipped {Subject}: changed concurrently", subject);
            return false;
        }
    }

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
            var streetCoordinators = await CoordinatorsAsync(db, matter.StreetId, coordinators, cancellationToken);

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

        return await SaveFirstAsync(db, $"matter {matterId} task {taskId}", cancellationToken) ? (kinds.Count, everyone) : (0, []);
    }
}
