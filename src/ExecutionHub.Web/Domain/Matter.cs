// Why this file is long: a matter's whole life (receipt, deadline policy, registration, dispatch,
// consolidation and feedback, pause and extension, return, cancellation, applications and their
// routing, the hard-case flag, imported history) changes one set of fields, and its rules hold only
// because every change goes through a method of this class: the state those methods guard has private
// setters. Split across files, the reader could no longer see in one place what may change a field.

namespace ExecutionHub.Web.Domain;

/// <summary>
/// One "find the person, find the assets" request about a case's target party. The clock runs
/// from <see cref="ReceivedAtUtc"/> to <see cref="DueAtUtc"/> (72 hours by default); a pause
/// stops it and moves the due time on by the paused span; an extension moves the due time.
/// Every change of the deadline bumps <see cref="DeadlineVersion"/>, so deadline alerts keyed by
/// version can fire again for the new deadline and never twice for the same one.
/// </summary>
public sealed class Matter : IHasDomainEvents, IMatterDimensions
{
    public static readonly TimeSpan DefaultFeedbackWindow = TimeSpan.FromHours(72);
    public const int MaxRequestLength = 2000;
    public const int MaxClientReferenceLength = 100;

    public int Id { get; set; }

    /// <summary>Human reference shown in lists, e.g. ZX-2026-0042.</summary>
    public string Reference { get; set; } = "";

    public MatterType Type { get; set; }
    public MatterSource Source { get; set; }
    public MatterStatus Status { get; private set; } = MatterStatus.Received;

    public int CaseId { get; set; }
    public ExecutionCase? Case { get; set; }

    public int TargetPartyId { get; set; }
    public CaseParty? TargetParty { get; set; }

    /// <summary>Copied from the case so street-scoped queries need no join.</summary>
    public int StreetId { get; set; }

    /// <summary>Copied from the case so court-scoped queries need no join.</summary>
    public int CourtId { get; set; }

    /// <summary>The case's judge, copied so "my matters" is an index walk; a judge reassignment must update it.</summary>
    public string JudgeId { get; set; } = "";

    public DateTime ReceivedAtUtc
    {
        get => receivedAtUtc;
        set
        {
            receivedAtUtc = value;
            ReceivedOn = LocalDay.Of(value);
        }
    }

    /// <summary>The Asia/Shanghai day of receipt (<see cref="LocalDay"/>), for statistics by day and week.</summary>
    public int ReceivedOn { get; private set; }

    public DateTime DueAtUtc { get; private set; }

    /// <summary>What the court asks for, in its own words.</summary>
    public string Request { get; set; } = "";

    public MatterDetails Details { get; set; } = new();

    public string CreatedById { get; set; } = "";

    /// <summary>The API client that referred the matter, if it came in through the API.</summary>
    public int? ApiClientId { get; set; }

    /// <summary>The referring system's own reference for the matter, as it sent it.</summary>
    public string? ClientReference { get; set; }

    public DateTime? RegisteredAtUtc { get; private set; }
    public DateTime? DispatchedAtUtc { get; private set; }
    public DateTime? ConsolidatedAtUtc { get; private set; }

    /// <summary>The latest time the feedback was sent to the court.</summary>
    public DateTime? FedBackAtUtc { get; private set; }

    /// <summary>The first time it was sent: a returned and re-fed matter still counts one cycle, from receipt to here.</summary>
    public DateTime? FirstFedBackAtUtc { get; private set; }

    /// <summary>Paused time up to the first feedback, excluded from its feedback cycle.</summary>
    public long PausedSecondsAtFirstFeedback { get; private set; }

    /// <summary>The Asia/Shanghai day of the first feedback; the dashboard's periods select on it.</summary>
    public int? FirstFedBackOn { get; private set; }

    /// <summary>First feedback minus receipt minus the time paused before it, in seconds: the feedback cycle.</summary>
    public long? FeedbackCycleSeconds { get; private set; }

    /// <summary>Whether the first feedback came no later than the due time in force at that moment (extensions included).</summary>
    public bool? FedBackOnTime { get; private set; }

    /// <summary>The conclusion of the latest feedback: person found or not, clue confirmed or not.</summary>
    public MatterOutcome? Outcome { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }
    public string? CancelReason { get; private set; }

    public DateTime? PausedAtUtc { get; private set; }
    public string? PauseReason { get; private set; }

    /// <summary>Completed pauses, in whole seconds (the running pause is not included).</summary>
    public long PausedSeconds { get; private set; }

    public DateTime? LastReturnedAtUtc { get; private set; }

    public int DeadlineVersion { get; private set; } = 1;

    /// <summary>
    /// When the deadline sweep next has something to say about this matter (due soon, overdue,
    /// escalation), or null when nothing is pending or the clock is paused. The sweep reads only
    /// rows whose time has come, so its cost follows what is due, not how many matters exist.
    /// </summary>
    public DateTime? NextAlertAtUtc { get; private set; }

    /// <summary>How many of the deadline's alerts (due soon, overdue, escalation) have fired for this <see cref="DeadlineVersion"/>.</summary>
    public int AlertStage { get; private set; }

    /// <summary>The policy's due-soon threshold when the matter was received.</summary>
    public int DueSoonHours { get; private set; } = 24;

    /// <summary>The policy's escalation delay when the matter was received.</summary>
    public int EscalationHours { get; private set; } = 24;
    public int ReturnCount { get; private set; }

    /// <summary>The consolidated feedback the workstation sends to the court.</summary>
    public string? Feedback { get; private set; }

    /// <summary>
    /// For a matter imported from the historical ledger: a hash of what identifies its ledger row
    /// (case number, type, target, receipt), unique in the database, so importing the same file
    /// again adds nothing. Null for matters registered in the application.
    /// </summary>
    public string? ImportKey { get; set; }

    /// <summary>Optimistic concurrency: bumped on every save; a stale writer is refused.</summary>
    public int Version { get; set; }

    public List<VerificationTask> Tasks { get; set; } = [];

    /// <summary>The judge's decision, for judicial relief and resume-execution applications only; null until decided.</summary>
    public ApplicationDecision? Decision { get; private set; }

    /// <summary>The working group ("4+1+X") the matter is assigned to, besides the people holding its tasks; null when none.</summary>
    public int? WorkingGroupId { get; private set; }

    /// <summary>Where an application was routed: the hearing-and-relief group or the judge; null when not (yet) routed.</summary>
    public ApplicationRoute? Route { get; private set; }

    /// <summary>The hearing-and-relief group's recommendation, on an application routed to it; null until recorded.</summary>
    public GroupRecommendation? Recommendation { get; private set; }

    /// <summary>Flagged "hard case" (疑难案件) by a judge or coordinator: it goes on the street's joint-meeting agenda.</summary>
    public bool IsHardCase { get; private set; }

    public string? HardCaseReason { get; private set; }

    public DateTime? HardCaseFlaggedAtUtc { get; private set; }

    private readonly DomainEventLog events = new();

    private DateTime receivedAtUtc;

    public bool IsPaused => PausedAtUtc is not null;

    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Received, registered, dispatched or consolidated: still the workstation's to finish. Views holding only the status ask here.</summary>
    public static bool IsOpenStatus(MatterStatus status) =>
        status is MatterStatus.Received or MatterStatus.Registered or MatterStatus.Dispatched or MatterStatus.Consolidated;

    public static DateTime DueFrom(DateTime receivedAtUtc, TimeSpan? window = null) => receivedAtUtc + (window ?? DefaultFeedbackWindow);

    public IReadOnlyList<IDomainEvent> TakeEvents() => events.Take();

    /// <summary>For EF Core, which reads a stored matter back; a new one comes from <see cref="Receive"/>.</summary>
    private Matter()
    {
    }

    /// <summary>
    /// A matter about <paramref name="target"/> (a respondent of <paramref name="case"/>), received at
    /// <paramref name="receivedAtUtc"/> and due <see cref="DefaultFeedbackWindow"/> later until
    /// <see cref="ApplyDeadlinePolicy"/> says otherwise. Court, street and judge are copied from the
    /// case, so scoped queries need no join. A case or party already saved is linked by its id (it may
    /// have been read by another context); a new one by reference, so one save inserts it first.
    /// </summary>
    public static Matter Receive(
        ExecutionCase @case, CaseParty target, MatterType type, MatterSource source, string reference, DateTime receivedAtUtc, string createdById,
        string request = "", MatterDetails? details = null)
    {
        var matter = new Matter
        {
            Reference = reference,
            Type = type,
            Source = source,
            StreetId = @case.StreetId,
            CourtId = @case.CourtId,
            JudgeId = @case.JudgeId,
            ReceivedAtUtc = receivedAtUtc,
            DueAtUtc = DueFrom(receivedAtUtc),
            Request = request,
            Details = details ?? new MatterDetails(),
            CreatedById = createdById,
        };
        matter.events.Record(new MatterReceived(createdById));
        if (@case.Id == 0)
        {
            matter.Case = @case;
        }
        else
        {
            matter.CaseId = @case.Id;
        }

        if (target.Id == 0)
        {
            matter.TargetParty = target;
        }
        else
        {
            matter.TargetPartyId = target.Id;
        }

        return matter;
    }

    /// <summary>A new matter's due time and alert thresholds under its type's deadline policy, counted from its receipt.</summary>
    public void ApplyDeadlinePolicy(DeadlinePolicy policy, WorkingCalendar calendar)
    {
        DueAtUtc = Deadlines.DueAt(ReceivedAtUtc, policy.FeedbackWindowHours, policy.ClockMode, calendar);
        DueSoonHours = policy.DueSoonHours;
        EscalationHours = policy.EscalationHours;
        ScheduleAlerts();
    }

    /// <summary>
    /// Generated data only (test fixtures, benchmarks): puts the matter in <paramref name="status"/> as it
    /// stands, without the steps and times that lead there. The application never calls it: every change
    /// it makes to a matter's status goes through the lifecycle methods, which check the rules.
    /// </summary>
    public void ForceStatus(MatterStatus status) => Status = status;

    /// <summary>The coordinator accepts the referral into the workstation.</summary>
    public void Register(DateTime now)
    {
        Require(Status == MatterStatus.Received, "Rule.Matter.RegisterOnlyReceived");
        Status = MatterStatus.Registered;
        RegisteredAtUtc = now;
        ScheduleAlerts();
        events.Record(new MatterRegistered());
    }

    /// <summary>A first (or further) verification task went out.</summary>
    public void MarkDispatched(DateTime now)
    {
        Require(Status is MatterStatus.Received or MatterStatus.Registered or MatterStatus.Dispatched, "Rule.Matter.DispatchOnlyOpen");
        RequireNotPaused();
        RegisteredAtUtc ??= now;
        if (Status != MatterStatus.Dispatched)
        {
            Status = MatterStatus.Dispatched;
            DispatchedAtUtc = now;
        }

        ScheduleAlerts();
    }

    /// <summary>
    /// A verification task goes out to its holder (a person, an agency or a working group): the
    /// matter counts as dispatched, the task joins it and its holder is told.
    /// </summary>
    public void Dispatch(VerificationTask task, DateTime now)
    {
        MarkDispatched(now);
        task.Matter = this;
        Tasks.Add(task);
        task.ScheduleAlerts(this);
        task.RecordEvent(new TaskDispatched(task.AssignedById));
    }

    /// <summary>The workstation writes the consolidated feedback once every task is accepted or waived.</summary>
    public void Consolidate(string feedback, MatterOutcome? outcome, DateTime now)
    {
        Require(Status == MatterStatus.Dispatched, "Rule.Matter.ConsolidateOnlyDispatched");
        RequireNotPaused();
        Require(Tasks.Count > 0 && Tasks.All(t => t.IsSettled), "Rule.Matter.TasksNotSettled");
        Require(!string.IsNullOrWhiteSpace(feedback), "Rule.Matter.FeedbackRequired");
        Require(MatterOutcomes.IsValidFor(Type, outcome), "Rule.Matter.OutcomeNotValid");
        Feedback = feedback.Trim();
        Outcome = outcome;
        Status = MatterStatus.Consolidated;
        ConsolidatedAtUtc = now;
    }

    /// <summary>The consolidated feedback goes to the court; the clock stops here.</summary>
    public void FeedBack(DateTime now)
    {
        Require(Status == MatterStatus.Consolidated, "Rule.Matter.FeedBackOnlyConsolidated");
        RequireNotPaused();
        Status = MatterStatus.FedBack;
        FedBackAtUtc = now;
        if (FirstFedBackAtUtc is null)
        {
            RecordFirstFeedback(now, PausedSeconds);
        }

        AcknowledgedAtUtc = null;
        ScheduleAlerts();
        events.Record(new MatterFedBack());
    }

    /// <summary>The judge has read the feedback.</summary>
    public void Acknowledge(DateTime now)
    {
        Require(Status == MatterStatus.FedBack, "Rule.Matter.AcknowledgeOnlyFedBack");
        AcknowledgedAtUtc ??= now;
    }

    public void Close(DateTime now)
    {
        Require(Status == MatterStatus.FedBack, "Rule.Matter.CloseOnlyFedBack");
        AcknowledgedAtUtc ??= now;
        Status = MatterStatus.Closed;
        ClosedAtUtc = now;
        ScheduleAlerts();
    }

    /// <summary>The judge sends a fed-back matter back for more work; the workstation dispatches further tasks.</summary>
    public void ReturnForMoreWork(string reason, DateTime now)
    {
        Require(Status == MatterStatus.FedBack, "Rule.Matter.ReturnOnlyFedBack");
        RequireReason(reason);
        Status = MatterStatus.Registered;
        ReturnCount++;
        ConsolidatedAtUtc = null;
        LastReturnedAtUtc = now;
        ScheduleAlerts();
        events.Record(new MatterReturned());
    }

    public void Cancel(string reason, DateTime now)
    {
        Require(IsOpen, "Rule.Matter.CancelOnlyOpen");
        RequireReason(reason);
        if (IsPaused)
        {
            EndPause(now);
        }

        Status = MatterStatus.Cancelled;
        CancelReason = reason.Trim();
        CancelledAtUtc = now;
        foreach (var task in Tasks.Where(t => !t.IsSettled))
        {
            task.Waive(reason, now);
        }

        ScheduleAlerts();
    }

    /// <summary>Stops the clock while the workstation waits on the court.</summary>
    public void Pause(string reason, DateTime now)
    {
        Require(IsOpen, "Rule.Matter.PauseOnlyOpen");
        Require(!IsPaused, "Rule.Matter.AlreadyPaused");
        RequireReason(reason);
        PausedAtUtc = now;
        PauseReason = reason.Trim();
        DeadlineVersion++;
        ScheduleAlerts();
        events.Record(new MatterPaused());
    }

    /// <summary>Restarts the clock; the due time moves on by the paused span.</summary>
    public TimeSpan Resume(DateTime now)
    {
        Require(IsPaused, "Rule.Matter.NotPaused");
        var paused = EndPause(now);
        DeadlineVersion++;
        AlertStage = 0;
        ScheduleAlerts();
        events.Record(new MatterResumed());
        return paused;
    }

    /// <summary>The judge grants more time.</summary>
    public void Extend(DateTime newDueAtUtc, string reason, DateTime now)
    {
        Require(IsOpen, "Rule.Matter.ExtendOnlyOpen");
        Require(newDueAtUtc > DueAtUtc && newDueAtUtc > now, "Rule.Matter.ExtensionMustBeLater");
        RequireReason(reason);
        DueAtUtc = newDueAtUtc;
        DeadlineVersion++;
        AlertStage = 0;
        ScheduleAlerts();
        events.Record(new MatterExtended());
    }

    /// <summary>
    /// The judge decides a judicial relief or resume-execution application, once. The decision may
    /// come while the workstation is still verifying (a clear new asset clue needs no visit) or
    /// after its feedback, but not once the matter is closed or cancelled: the decision belongs to
    /// the matter's live record. It does not move the matter's status; the judge still closes it.
    /// </summary>
    public void DecideApplication(ApplicationVerdict verdict, string reason, decimal? amountGranted, string? groupRecommendation, string decidedById, string decidedByName, DateTime now)
    {
        Require(ApplicationDecision.CanBeMadeOn(Type), "Rule.Matter.NotAnApplication");
        Require(Decision is null, "Rule.Matter.AlreadyDecided");
        Require(IsOpen || Status == MatterStatus.FedBack, "Rule.Matter.DecideOnlyOpenOrFedBack");
        Require(!AwaitsRecommendation, "Rule.Matter.AwaitingRecommendation");
        Require(Enum.IsDefined(verdict), "Rule.Matter.VerdictRequired");
        RequireReason(reason);
        if (verdict == ApplicationVerdict.Granted && Type == MatterType.JudicialRelief)
        {
            Require(amountGranted > 0m, "Rule.Matter.AmountGrantedRequired");
            Require(Details.AmountRequested is not { } requested || amountGranted <= requested, "Rule.Matter.AmountGrantedAboveRequested");
        }
        else
        {
            Require(amountGranted is null, "Rule.Matter.AmountGrantedOnlyForGrantedRelief");
        }

        Decision = new ApplicationDecision
        {
            Verdict = verdict,
            Reason = reason.Trim(),
            AmountGranted = amountGranted,
            // A recommendation the group recorded is the one decided on, word for word.
            GroupRecommendation = Recommendation?.Text ?? (string.IsNullOrWhiteSpace(groupRecommendation) ? null : groupRecommendation.Trim()),
            DecidedById = decidedById,
            DecidedByName = decidedByName,
            DecidedAtUtc = now,
        };
    }

    /// <summary>
    /// The coordinator puts the matter in a working group's hands (or takes it out again with null).
    /// An application waiting on the hearing-and-relief group's recommendation stays with that group:
    /// re-route it to the judge first.
    /// </summary>
    public void AssignToGroup(int? workingGroupId)
    {
        Require(IsOpen, "Rule.Matter.AssignGroupOnlyOpen");
        Require(!AwaitsRecommendation, "Rule.Matter.AwaitingRecommendation");
        Require(WorkingGroupId != workingGroupId, "Rule.Matter.AlreadyInGroup");
        WorkingGroupId = workingGroupId;
    }

    /// <summary>Whether an application routed to the hearing-and-relief group still waits for its recommendation.</summary>
    public bool AwaitsRecommendation => Route == ApplicationRoute.HearingGroup && Recommendation is null && Decision is null;

    /// <summary>
    /// Routes a judicial relief or resume-execution application to the hearing-and-relief group
    /// (<paramref name="hearingGroupId"/>, which then holds the matter) or to the judge. It can be
    /// re-routed until the group has recommended or the judge has decided.
    /// </summary>
    public void RouteApplication(ApplicationRoute route, int? hearingGroupId)
    {
        Require(ApplicationDecision.CanBeMadeOn(Type), "Rule.Matter.NotAnApplication");
        Require(Enum.IsDefined(route), "Rule.Matter.RouteRequired");
        Require(IsOpen, "Rule.Matter.RouteOnlyOpen");
        Require(Decision is null, "Rule.Matter.AlreadyDecided");
        Require(Recommendation is null, "Rule.Matter.AlreadyRecommended");
        Require(Route != route, "Rule.Matter.AlreadyRouted");
        if (route == ApplicationRoute.HearingGroup)
        {
            Require(hearingGroupId is not null, "Rule.Group.NoHearingGroup");
            WorkingGroupId = hearingGroupId;
        }
        else if (Route == ApplicationRoute.HearingGroup)
        {
            WorkingGroupId = null;
        }

        Route = route;
    }

    /// <summary>
    /// A member of the hearing-and-relief group records the group's recommendation, once, on an
    /// application routed to the group and not yet decided. Membership is checked by the caller.
    /// </summary>
    public void RecordRecommendation(ApplicationVerdict verdict, string text, string recordedById, string recordedByName, DateTime now)
    {
        Require(Route == ApplicationRoute.HearingGroup && WorkingGroupId is not null, "Rule.Matter.NotRoutedToGroup");
        Require(Recommendation is null, "Rule.Matter.AlreadyRecommended");
        Require(Decision is null, "Rule.Matter.AlreadyDecided");
        Require(IsOpen || Status == MatterStatus.FedBack, "Rule.Matter.DecideOnlyOpenOrFedBack");
        Require(Enum.IsDefined(verdict), "Rule.Matter.VerdictRequired");
        RequireReason(text);
        Recommendation = new GroupRecommendation
        {
            Verdict = verdict,
            Text = text.Trim(),
            WorkingGroupId = WorkingGroupId!.Value,
            RecordedById = recordedById,
            RecordedByName = recordedByName,
            RecordedAtUtc = now,
        };
    }

    public MatterClock Clock(DateTime now) => MatterClock.Of(this, now);

    /// <summary>When the alert of <paramref name="stage"/> falls due: 0 due soon, 1 overdue, 2 escalation; null past the last.</summary>
    public DateTime? AlertTime(int stage) => stage switch
    {
        0 => DueAtUtc.AddHours(-DueSoonHours),
        1 => DueAtUtc,
        2 => DueAtUtc.AddHours(EscalationHours),
        _ => null,
    };

    /// <summary>Sets when the sweep next looks at this matter (and its tasks): never while paused or once the matter has left the open states.</summary>
    public void ScheduleAlerts()
    {
        NextAlertAtUtc = IsOpen && !IsPaused ? AlertTime(AlertStage) : null;
        foreach (var task in Tasks)
        {
            task.ScheduleAlerts(this);
        }
    }

    /// <summary>
    /// The alerts whose time has come, in order, each taken once per deadline version. A sweep
    /// that arrives after the due time says "overdue", not "due soon" as well.
    /// </summary>
    public IReadOnlyList<AlertKind> TakeDueAlerts(DateTime now)
    {
        var kinds = new List<AlertKind>();
        while (IsOpen && !IsPaused && AlertTime(AlertStage) is { } at && at <= now)
        {
            kinds.Add((AlertKind)(AlertStage + 1));
            AlertStage++;
        }

        if (kinds.Contains(AlertKind.Overdue))
        {
            kinds.Remove(AlertKind.DueSoon);
        }

        NextAlertAtUtc = IsOpen && !IsPaused ? AlertTime(AlertStage) : null;
        return kinds;
    }

    /// <summary>
    /// A matter handled before it was recorded here (a ledger import, generated data): its feedback
    /// is set as it happened, counted in every figure like one fed back in the application.
    /// </summary>
    public void RecordPastFeedback(string? feedback, MatterOutcome? outcome, DateTime fedBackAtUtc, DateTime now)
    {
        Require(MatterOutcomes.IsValidFor(Type, outcome), "Rule.Matter.OutcomeNotValid");
        Require(fedBackAtUtc >= ReceivedAtUtc, "Rule.Matter.FedBackBeforeReceived");
        // The figures rank every cycle since the workstation opened as of today: none may lie ahead.
        Require(fedBackAtUtc <= now, "Rule.Matter.FedBackInFuture");
        Feedback = feedback;
        Outcome = outcome;
        FedBackAtUtc = fedBackAtUtc;
        RecordFirstFeedback(fedBackAtUtc, PausedSeconds);
    }

    /// <summary>
    /// A matter from the historical ledger, received at <see cref="ReceivedAtUtc"/> (its due time
    /// already set by the deadline policy as of that receipt): registered on receipt, then
    /// dispatched, fed back and closed at the ledger's times, each step only after the one before.
    /// Its feedback counts in every figure like one given in the application. An imported matter
    /// still open is watched from now on: the alerts whose time passed before the import are taken
    /// as spent (the overdue figure still counts it), only those still ahead will fire.
    /// </summary>
    public void RecordImportedHistory(DateTime? dispatchedAtUtc, DateTime? fedBackAtUtc, DateTime? closedAtUtc, string? feedback, MatterOutcome? outcome, DateTime now)
    {
        Require(Status == MatterStatus.Received && Tasks.Count == 0 && FirstFedBackAtUtc is null, "Rule.Matter.ImportOnlyNew");
        Require(ReceivedAtUtc <= now, "Rule.Matter.ImportStepInFuture");
        Require(fedBackAtUtc is null || dispatchedAtUtc is not null, "Rule.Matter.ImportStepMissing");
        Require(closedAtUtc is null || fedBackAtUtc is not null, "Rule.Matter.ImportStepMissing");
        DateTime? previous = ReceivedAtUtc;
        foreach (var step in new[] { dispatchedAtUtc, fedBackAtUtc, closedAtUtc })
        {
            if (step is { } at)
            {
                Require(at >= previous, "Rule.Matter.ImportStepOutOfOrder");
                Require(at <= now, "Rule.Matter.ImportStepInFuture");
                previous = at;
            }
        }

        Require(fedBackAtUtc is not null || outcome is null, "Rule.Matter.ImportOutcomeWithoutFeedback");
        Status = MatterStatus.Registered;
        RegisteredAtUtc = ReceivedAtUtc;
        if (dispatchedAtUtc is { } dispatched)
        {
            Status = MatterStatus.Dispatched;
            DispatchedAtUtc = dispatched;
        }

        if (fedBackAtUtc is { } fedBack)
        {
            Require(!string.IsNullOrWhiteSpace(feedback), "Rule.Matter.FeedbackRequired");
            RecordPastFeedback(feedback!.Trim(), outcome, fedBack, now);
            ConsolidatedAtUtc = fedBack;
            Status = MatterStatus.FedBack;
        }

        if (closedAtUtc is { } closed)
        {
            AcknowledgedAtUtc = closed;
            ClosedAtUtc = closed;
            Status = MatterStatus.Closed;
        }

        AlertStage = 0;
        while (IsOpen && AlertTime(AlertStage) is { } at && at <= now)
        {
            AlertStage++;
        }

        ScheduleAlerts();
    }

    /// <summary>
    /// Sets the first feedback and the figures derived from it (on time = by the due time). Also used
    /// to fill those figures for matters fed back before they were stored, from what the row already holds.
    /// </summary>
    public void RecordFirstFeedback(DateTime fedBackAtUtc, long pausedSeconds)
    {
        FirstFedBackAtUtc = fedBackAtUtc;
        PausedSecondsAtFirstFeedback = pausedSeconds;
        FirstFedBackOn = LocalDay.Of(fedBackAtUtc);
        FeedbackCycleSeconds = Math.Max(0, (long)Math.Round((fedBackAtUtc - ReceivedAtUtc).TotalSeconds) - pausedSeconds);
        FedBackOnTime = fedBackAtUtc <= DueAtUtc;
    }

    private TimeSpan EndPause(DateTime now)
    {
        var paused = now - PausedAtUtc!.Value;
        var seconds = (long)Math.Round(paused.TotalSeconds);
        PausedSeconds += seconds;
        DueAtUtc = DueAtUtc.AddSeconds(seconds);
        foreach (var task in Tasks.Where(t => !t.IsSettled))
        {
            task.DueAtUtc = task.DueAtUtc.AddSeconds(seconds);
            task.DeadlineVersion++;
            task.AlertStage = 0;
        }

        PausedAtUtc = null;
        PauseReason = null;
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Flags the matter a hard case, or clears the flag; either way with a reason.</summary>
    public void SetHardCase(bool flagged, string reason, DateTime now)
    {
        RequireReason(reason);
        Require(flagged != IsHardCase, flagged ? "Rule.Matter.AlreadyHardCase" : "Rule.Matter.NotHardCase");
        IsHardCase = flagged;
        HardCaseReason = flagged ? reason.Trim() : null;
        HardCaseFlaggedAtUtc = flagged ? now : null;
    }

    private void RequireNotPaused() => Require(!IsPaused, "Rule.Matter.Paused");

    private static void RequireReason(string reason) => Require(!string.IsNullOrWhiteSpace(reason), "Rule.ReasonRequired");

    private static void Require(bool condition, string messageKey)
    {
        if (!condition)
        {
            throw new DomainRuleException(messageKey);
        }
    }
}
