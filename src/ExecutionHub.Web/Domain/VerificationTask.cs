namespace ExecutionHub.Web.Domain;

public enum VerificationTaskStatus
{
    Assigned = 1,
    Submitted = 2,
    Accepted = 3,
    Returned = 4,
    Waived = 5,
}

/// <summary>
/// One piece of a matter sent to a grid worker or a partner agency, with its own sub-deadline
/// inside the matter's window. The assignee records a <see cref="Finding"/>; the coordinator
/// accepts it or returns it with a reason.
/// </summary>
public sealed class VerificationTask
{
    public static readonly TimeSpan DefaultSubDeadline = TimeSpan.FromHours(48);

    public int Id { get; set; }
    public int MatterId { get; set; }
    public Matter? Matter { get; set; }

    /// <summary>The grid worker or partner agent who answers; null when the task went to an agency as a whole.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>The assignee's grid (grid workers), for scope checks and workload counts.</summary>
    public int? GridId { get; set; }

    public int? PartnerAgencyId { get; set; }

    /// <summary>
    /// The working group the task was sent to; while <see cref="AssigneeId"/> is null any member may
    /// claim it, and once claimed it stays marked as taken from the group.
    /// </summary>
    public int? WorkingGroupId { get; set; }

    /// <summary>Sent to a group and not yet taken by one of its members.</summary>
    public bool AwaitsClaim => WorkingGroupId is not null && AssigneeId is null;

    public string Instructions { get; set; } = "";
    public DateTime AssignedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public VerificationTaskStatus Status { get; set; } = VerificationTaskStatus.Assigned;
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewNote { get; set; }

    public Finding? Finding { get; set; }

    /// <summary>When the sweep next alerts about this task (due soon, overdue), or null.</summary>
    public DateTime? NextAlertAtUtc { get; set; }

    /// <summary>Bumped when the task's deadline moves, so its alerts can fire again for the new one.</summary>
    public int DeadlineVersion { get; set; } = 1;

    /// <summary>How many of the task's alerts (due soon, overdue) have fired for this <see cref="DeadlineVersion"/>.</summary>
    public int AlertStage { get; set; }

    public int Version { get; set; }

    public bool IsSettled => Status is VerificationTaskStatus.Accepted or VerificationTaskStatus.Waived;

    public bool IsOpenForFindings => Status is VerificationTaskStatus.Assigned or VerificationTaskStatus.Returned;

    public void Submit(Finding finding, DateTime now)
    {
        Require(IsOpenForFindings, "Rule.Task.SubmitOnlyOpen");
        Require(!AwaitsClaim, "Rule.Task.ClaimFirst");
        Require(Matter is null || !Matter.IsPaused, "Rule.Task.MatterPaused");
        Require(Matter is null || Matter.IsOpen, "Rule.Task.MatterNotOpen");
        Finding = finding;
        Status = VerificationTaskStatus.Submitted;
        SubmittedAtUtc = now;
        NextAlertAtUtc = null;
    }

    /// <summary>The coordinator hands an open task to a working group instead of its holder; a member then claims it.</summary>
    public void AssignToGroup(int workingGroupId)
    {
        Require(IsOpenForFindings, "Rule.Task.ReassignOnlyOpen");
        Require(Matter is null || Matter.IsOpen, "Rule.Task.MatterNotOpen");
        Require(!(AwaitsClaim && WorkingGroupId == workingGroupId), "Rule.Task.AlreadyWithGroup");
        WorkingGroupId = workingGroupId;
        AssigneeId = null;
        GridId = null;
        PartnerAgencyId = null;
    }

    /// <summary>A member of the task's group takes it: from now on it is theirs alone. Membership is checked by the caller.</summary>
    public void Claim(string userId, int? gridId)
    {
        Require(WorkingGroupId is not null, "Rule.Task.NotGroupTask");
        Require(AssigneeId is null, "Rule.Task.AlreadyClaimed");
        Require(IsOpenForFindings, "Rule.Task.ReassignOnlyOpen");
        Require(Matter is null || Matter.IsOpen, "Rule.Task.MatterNotOpen");
        AssigneeId = userId;
        GridId = gridId;
    }

    public void Accept(DateTime now)
    {
        Require(Status == VerificationTaskStatus.Submitted, "Rule.Task.ReviewOnlySubmitted");
        Status = VerificationTaskStatus.Accepted;
        ReviewedAtUtc = now;
        ReviewNote = null;
    }

    public void ReturnToAssignee(string reason, DateTime now)
    {
        Require(Status == VerificationTaskStatus.Submitted, "Rule.Task.ReviewOnlySubmitted");
        Require(!string.IsNullOrWhiteSpace(reason), "Rule.ReasonRequired");
        Status = VerificationTaskStatus.Returned;
        ReviewedAtUtc = now;
        ReviewNote = reason.Trim();
        if (Matter is not null)
        {
            ScheduleAlerts(Matter);
        }
    }

    public void Waive(string reason, DateTime now)
    {
        Require(!IsSettled, "Rule.Task.AlreadySettled");
        Require(!string.IsNullOrWhiteSpace(reason), "Rule.ReasonRequired");
        Status = VerificationTaskStatus.Waived;
        ReviewedAtUtc = now;
        ReviewNote = reason.Trim();
        NextAlertAtUtc = null;
    }

    /// <summary>Due soon (the matter's threshold before the task's due time), then overdue; nothing once the finding is in or the matter is paused or finished.</summary>
    public DateTime? AlertTime(int stage, Matter matter) => stage switch
    {
        0 => DueAtUtc.AddHours(-matter.DueSoonHours),
        1 => DueAtUtc,
        _ => null,
    };

    public void ScheduleAlerts(Matter matter) =>
        NextAlertAtUtc = IsOpenForFindings && matter.IsOpen && !matter.IsPaused ? AlertTime(AlertStage, matter) : null;

    /// <summary>The task's alerts whose time has come, each once per deadline version; overdue supersedes due soon.</summary>
    public IReadOnlyList<AlertKind> TakeDueAlerts(Matter matter, DateTime now)
    {
        var kinds = new List<AlertKind>();
        while (IsOpenForFindings && matter.IsOpen && !matter.IsPaused && AlertTime(AlertStage, matter) is { } at && at <= now)
        {
            kinds.Add((AlertKind)(AlertStage + 1));
            AlertStage++;
        }

        if (kinds.Contains(AlertKind.Overdue))
        {
            kinds.Remove(AlertKind.DueSoon);
        }

        ScheduleAlerts(matter);
        return kinds;
    }

    private static void Require(bool condition, string messageKey)
    {
        if (!condition)
        {
            throw new DomainRuleException(messageKey);
        }
    }
}
