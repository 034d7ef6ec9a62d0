using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Messaging;
using ExecutionHub.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Notifications;

/// <summary>
/// Tells people that work has reached them. The domain records each hand-off as an event; this
/// turns the events of a save into bell notifications and, where the receiver's settings allow,
/// SMS in the outbox, added to the same save (see <see cref="DomainEventInterceptor"/>):
/// <list type="table">
/// <item><term>new referral or registration</term><description>the street's coordinators (not the one who registered it)</description></item>
/// <item><term>task dispatched</term><description>its holder: the person, the agency's agents, or the working group's grid workers</description></item>
/// <item><term>finding submitted</term><description>the coordinator who sent the task (the street's coordinators for tasks sent before that was recorded)</description></item>
/// <item><term>finding returned</term><description>the task's holder</description></item>
/// <item><term>fed back</term><description>the case's judge</description></item>
/// <item><term>returned by the judge</term><description>the street's coordinators</description></item>
/// <item><term>extended (by the judge)</term><description>the street's coordinators, who asked, and the holders of open tasks</description></item>
/// <item><term>paused, resumed (by a coordinator)</term><description>the judge and the holders of open tasks</description></item>
/// </list>
/// A hand-off meant for a disabled user goes to the street's coordinators instead, under a title
/// naming that user. Each notification is keyed by kind, subject, occurrence and recipient — the
/// occurrence is the subject's version before the change (a retried command at the same version is
/// refused anyway), for a new matter its reference, for a new task its place among the matter's
/// tasks — so one change is never told twice. SMS carry only the matter reference and the kind of
/// work, never a party's name, ID number or address.
/// </summary>
public sealed class HandOffNotifications(IOutbox outbox, TimeProvider clock) : IDomainEventHandler
{
    /// <param name="People">Individuals named by the matter or task (a judge, an assignee, a dispatcher): redirected when disabled.</param>
    /// <param name="Groups">People found through a role or group (coordinators, agents, group members): enabled already.</param>
    /// <param name="Except">Who caused the hand-off and need not hear of it.</param>
    private sealed record HandOff(
        HandOffKind Kind, string TitleKey, Matter Matter, VerificationTask? Task, string Occurrence,
        IReadOnlyCollection<string> People, IReadOnlyCollection<string> Groups, string? Except = null);

    private sealed record Delivery(HandOff HandOff, string RecipientId, string? InsteadOf)
    {
        public string Key => $"handoff:{HandOff.Kind}:{HandOff.Occurrence}:{RecipientId}";
    }

    private sealed record Recipient(string Id, string DisplayName, bool IsDisabled, string? Phone, string Culture);

    public async Task<IReadOnlyCollection<string>> HandleAsync(AppDbContext db, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var coordinators = new Dictionary<int, IReadOnlyCollection<string>>();
        async Task<IReadOnlyCollection<string>> CoordinatorsOf(int streetId)
        {
            if (!coordinators.TryGetValue(streetId, out var found))
            {
                found = await AlertRecipients.CoordinatorsAsync(db, streetId, cancellationToken);
                coordinators[streetId] = found;
            }

            return found;
        }

        var handOffs = new List<HandOff>();
        foreach (var recorded in events)
        {
            handOffs.AddRange(await HandOffsAsync(db, recorded, events, CoordinatorsOf, cancellationToken));
        }

        if (handOffs.Count == 0)
        {
            return [];
        }

        var named = handOffs.SelectMany(h => h.People).ToHashSet(StringComparer.Ordinal);
        var users = await RecipientsAsync(db, named, cancellationToken);
        var deliveries = new List<Delivery>();
        foreach (var handOff in handOffs)
        {
            // Whoever caused the hand-off is not told of it.
            var told = new HashSet<string>(StringComparer.Ordinal);
            if (handOff.Except is { } except)
            {
                told.Add(except);
            }

            var redirected = new List<Delivery>();
            foreach (var person in handOff.People)
            {
                if (users.TryGetValue(person, out var user) && user.IsDisabled)
                {
                    redirected.AddRange((await CoordinatorsOf(handOff.Matter.StreetId)).Select(c => new Delivery(handOff, c, user.DisplayName)));
                }
                else if (told.Add(person))
                {
                    deliveries.Add(new Delivery(handOff, person, null));
                }
            }

            deliveries.AddRange(handOff.Groups.Where(told.Add).Select(id => new Delivery(handOff, id, null)));
            deliveries.AddRange(redirected.Where(d => told.Add(d.RecipientId)));
        }

        var keys = deliveries.Select(d => d.Key).ToList();
        var sent = (await db.Notifications.Where(n => n.Key != null && keys.Contains(n.Key)).Select(n => n.Key!).ToListAsync(cancellationToken))
            .Concat(db.Notifications.Local.Where(n => n.Key is not null).Select(n => n.Key!))
            .ToHashSet(StringComparer.Ordinal);
        deliveries.RemoveAll(d => !sent.Add(d.Key));
        if (deliveries.Count == 0)
        {
            return [];
        }

        var recipientIds = deliveries.Select(d => d.RecipientId).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, user) in await RecipientsAsync(db, recipientIds.Where(id => !users.ContainsKey(id)), cancellationToken))
        {
            users[id] = user;
        }

        var sms = await SmsChoicesAsync(db, recipientIds, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var delivery in deliveries)
        {
            var handOff = delivery.HandOff;
            db.Notifications.Add(new Notification
            {
                RecipientId = delivery.RecipientId,
                Matter = handOff.Matter,
                Task = handOff.Task,
                TitleKey = delivery.InsteadOf is null ? handOff.TitleKey : $"Notification.HandOff.{handOff.Kind}.Redirected",
                Subject = handOff.Matter.Reference,
                Note = delivery.InsteadOf,
                Key = delivery.Key,
                CreatedAtUtc = now,
            });

            var kind = delivery.InsteadOf is null ? handOff.Kind : HandOffKind.Redirected;
            if (users.TryGetValue(delivery.RecipientId, out var user) && !string.IsNullOrWhiteSpace(user.Phone) && sms(delivery.RecipientId, kind))
            {
                outbox.Enqueue(db, "sms:" + delivery.Key, MessageChannels.Sms, user.Phone.Trim(), SmsText(kind, handOff.Matter.Reference, user.Culture), now);
            }
        }

        return recipientIds;
    }

    /// <summary>The SMS for a hand-off, in the recipient's language: the matter reference and the kind of work only.</summary>
    public static string SmsText(HandOffKind kind, string matterReference, string culture)
    {
        var language = CultureInfo.GetCultureInfo(Cultures.Normalise(culture));
        return string.Format(language, UiText.Get($"Sms.HandOff.{kind}", language), matterReference);
    }

    private static async Task<IReadOnlyList<HandOff>> HandOffsAsync(
        AppDbContext db, RecordedEvent recorded, IReadOnlyList<RecordedEvent> all, Func<int, Task<IReadOnlyCollection<string>>> coordinatorsOf, CancellationToken cancellationToken)
    {
        switch (recorded.Source, recorded.Event)
        {
            case (Matter matter, MatterReceived received):
                var registered = all.Any(e => e.Source == matter && e.Event is MatterRegistered);
                return
                [
                    new HandOff(
                        HandOffKind.NewMatter, registered ? "Notification.HandOff.NewRegistration" : "Notification.HandOff.NewReferral", matter, null,
                        recorded.IsNew ? matter.Reference : Occurrence(recorded, matter), [], await coordinatorsOf(matter.StreetId), Except: received.ById),
                ];
            case (Matter matter, MatterFedBack):
                return [MatterHandOff(HandOffKind.MatterFedBack, recorded, matter, [matter.JudgeId], [])];
            case (Matter matter, MatterReturned):
                return [MatterHandOff(HandOffKind.MatterReturned, recorded, matter, [], await coordinatorsOf(matter.StreetId))];
            case (Matter matter, MatterExtended):
                return
                [
                    MatterHandOff(HandOffKind.MatterExtended, recorded, matter, [], await coordinatorsOf(matter.StreetId)),
                    .. await OpenTaskHandOffsAsync(db, HandOffKind.MatterExtended, recorded, matter, cancellationToken),
                ];
            case (Matter matter, MatterPaused or MatterResumed):
                var kind = recorded.Event is MatterPaused ? HandOffKind.MatterPaused : HandOffKind.MatterResumed;
                return
                [
                    MatterHandOff(kind, recorded, matter, [matter.JudgeId], []),
                    .. await OpenTaskHandOffsAsync(db, kind, recorded, matter, cancellationToken),
                ];
            case (VerificationTask task, TaskDispatched):
                var owner = await MatterOfAsync(db, task, cancellationToken);
                var (holders, members) = await HoldersAsync(db, task, cancellationToken);
                var occurrence = recorded.IsNew ? await NewTaskOccurrenceAsync(db, task, owner, cancellationToken) : TaskOccurrence(recorded, task);
                return [new HandOff(HandOffKind.TaskDispatched, TitleOf(HandOffKind.TaskDispatched), owner, task, occurrence, holders, members)];
            case (VerificationTask task, FindingSubmitted):
                var reviewed = await MatterOfAsync(db, task, cancellationToken);
                return task.AssignedById is { } dispatcher
                    ? [TaskHandOff(HandOffKind.FindingSubmitted, recorded, task, reviewed, [dispatcher], [])]
                    : [TaskHandOff(HandOffKind.FindingSubmitted, recorded, task, reviewed, [], await coordinatorsOf(reviewed.StreetId))];
            case (VerificationTask task, FindingReturned):
                var returned = await MatterOfAsync(db, task, cancellationToken);
                var (assignees, agents) = await HoldersAsync(db, task, cancellationToken);
                return [TaskHandOff(HandOffKind.FindingReturned, recorded, task, returned, assignees, agents)];
            default:
                // Registration on its own (a coordinator accepting a judge's referral) hands nothing
                // on: the coordinators heard of the referral when it came in.
                return [];
        }
    }

    private static string TitleOf(HandOffKind kind) => $"Notification.HandOff.{kind}";

    private static HandOff MatterHandOff(HandOffKind kind, RecordedEvent recorded, Matter matter, IReadOnlyCollection<string> people, IReadOnlyCollection<string> groups) =>
        new(kind, TitleOf(kind), matter, null, Occurrence(recorded, matter), people, groups);

    /// <summary>
    /// The matter's change told to the holder of each of its tasks still waiting for a finding, linked to
    /// that task. The key is the matter's: someone holding two of its tasks is told once.
    /// </summary>
    private static async Task<IReadOnlyList<HandOff>> OpenTaskHandOffsAsync(AppDbContext db, HandOffKind kind, RecordedEvent recorded, Matter matter, CancellationToken cancellationToken)
    {
        var handOffs = new List<HandOff>();
        foreach (var task in matter.Tasks.Where(t => t.IsOpenForFindings).OrderBy(t => t.Id))
        {
            var (people, groups) = await HoldersAsync(db, task, cancellationToken);
            handOffs.Add(new HandOff(kind, TitleOf(kind), matter, task, Occurrence(recorded, matter), people, groups));
        }

        return handOffs;
    }

    private static HandOff TaskHandOff(
        HandOffKind kind, RecordedEvent recorded, VerificationTask task, Matter matter, IReadOnlyCollection<string> people, IReadOnlyCollection<string> groups) =>
        new(kind, TitleOf(kind), matter, task, TaskOccurrence(recorded, task), people, groups);

    private static string Occurrence(RecordedEvent recorded, Matter matter) => $"m{matter.Id}:v{recorded.Version}";

    private static string TaskOccurrence(RecordedEvent recorded, VerificationTask task) => $"t{task.Id}:v{recorded.Version}";

    /// <summary>
    /// A task being inserted has no id yet; what names it for good is its matter and its place among
    /// the matter's tasks (tasks are never deleted): the n-th task of ZX-2026-00042.
    /// </summary>
    private static async Task<string> NewTaskOccurrenceAsync(AppDbContext db, VerificationTask task, Matter matter, CancellationToken cancellationToken)
    {
        var saved = db.Entry(matter).State == EntityState.Added ? 0 : await db.Tasks.CountAsync(t => t.MatterId == matter.Id, cancellationToken);
        var added = matter.Tasks.Where(t => db.Entry(t).State == EntityState.Added).ToList();
        var place = added.IndexOf(task);
        return $"{matter.Reference}:task{saved + 1 + (place < 0 ? added.Count : place)}";
    }

    private static async Task<Matter> MatterOfAsync(AppDbContext db, VerificationTask task, CancellationToken cancellationToken) =>
        task.Matter ?? await db.Matters.SingleAsync(m => m.Id == task.MatterId, cancellationToken);

    /// <summary>Who holds a task: its assignee (a person), else its agency's agents, else the grid workers of its group who may claim it.</summary>
    private static async Task<(IReadOnlyCollection<string> People, IReadOnlyCollection<string> Groups)> HoldersAsync(AppDbContext db, VerificationTask task, CancellationToken cancellationToken)
    {
        if (task.AssigneeId is { } assignee)
        {
            return ([assignee], []);
        }

        if (task.PartnerAgencyId is { } agency)
        {
            return ([], await AlertRecipients.AgentsAsync(db, agency, cancellationToken));
        }

        return task.WorkingGroupId is { } group
            ? ([], await AlertRecipients.ClaimantsAsync(db, group, cancellationToken))
            : ([], []);
    }

    private static async Task<Dictionary<string, Recipient>> RecipientsAsync(AppDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return wanted.Count == 0
            ? new Dictionary<string, Recipient>(StringComparer.Ordinal)
            : await db.Users.Where(u => wanted.Contains(u.Id))
                .Select(u => new Recipient(u.Id, u.DisplayName, u.IsDisabled, u.PhoneNumber, u.Culture))
                .ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Whether each recipient wants an SMS of a kind: their own choice, else their role's default.</summary>
    private static async Task<Func<string, HandOffKind, bool>> SmsChoicesAsync(AppDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var chosen = (await db.NotificationPreferences.Where(p => ids.Contains(p.UserId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.UserId, p.Kind), p => p.Sms);
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "", StringComparer.Ordinal);
        return (id, kind) => chosen.TryGetValue((id, kind), out var sms) ? sms : NotificationPreference.SmsByDefault(roles[id]);
    }
}
