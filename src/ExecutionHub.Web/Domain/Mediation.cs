namespace ExecutionHub.Web.Domain;

public enum MediationResult
{
    NoAgreement = 1,
    Settlement = 2,
}

/// <summary>Who sat at the mediation table, by role; a case party is linked so its name is shown masked like everywhere else.</summary>
public enum AttendeeKind
{
    Applicant = 1,
    Respondent = 2,
    Relative = 3,
    Representative = 4,
    Other = 9,
}

/// <summary>
/// An execution mediation (执行调解) held at the window: the parties present, the mediator, and the
/// result. A settlement carries its total and an instalment plan whose amounts add up to it; it is
/// recorded on the case as the 执行和解 milestone, which notifies the applicants.
/// </summary>
public sealed class MediationSession
{
    public const int MaxNotesLength = 2000;
    public const int MaxInstalments = 36;

    public int Id { get; set; }
    public int StreetId { get; set; }
    public int CaseId { get; set; }
    public int? WindowVisitId { get; set; }

    /// <summary>The Shanghai day the mediation took place.</summary>
    public DateOnly HeldOn { get; set; }
    public required string MediatorId { get; set; }
    public MediationResult Result { get; set; }
    public decimal? SettlementAmount { get; set; }
    public string Notes { get; set; } = "";
    public int? MilestoneId { get; set; }
    public required string RecordedById { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public List<MediationAttendee> Attendees { get; set; } = [];
    public List<Instalment> Instalments { get; set; } = [];

    /// <summary>Refuses a settlement without a positive total or whose instalments do not add up to it, and instalments without a settlement.</summary>
    public static void CheckPlan(MediationResult result, decimal? total, IReadOnlyCollection<(decimal Amount, DateOnly DueOn)> plan)
    {
        if (result == MediationResult.NoAgreement)
        {
            if (total is not null || plan.Count > 0)
            {
                throw new DomainRuleException("Rule.Mediation.NoAgreementHasNoPlan");
            }

            return;
        }

        if (total is not > 0m)
        {
            throw new DomainRuleException("Rule.Mediation.TotalRequired");
        }

        if (plan.Count == 0 || plan.Count > MaxInstalments)
        {
            throw new DomainRuleException("Rule.Mediation.InstalmentsRequired");
        }

        if (plan.Any(p => p.Amount <= 0m))
        {
            throw new DomainRuleException("Rule.Mediation.InstalmentAmountPositive");
        }

        if (plan.Sum(p => p.Amount) != total)
        {
            throw new DomainRuleException("Rule.Mediation.InstalmentsMustSumToTotal");
        }

        var days = plan.Select(p => p.DueOn).ToList();
        if (days.Zip(days.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            throw new DomainRuleException("Rule.Mediation.InstalmentDatesAscending");
        }
    }
}

public sealed class MediationAttendee
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public AttendeeKind Kind { get; set; }

    /// <summary>The case party present, when it is one; relatives and representatives are recorded by kind only.</summary>
    public int? PartyId { get; set; }
}

/// <summary>One instalment of a settlement: its amount and due day; paid once, watched until then.</summary>
public sealed class Instalment : IDueDateWatched
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public MediationSession? Session { get; set; }
    public int CaseId { get; set; }
    public int StreetId { get; set; }
    public int Number { get; set; }
    public decimal Amount { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime DueSoonAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public decimal? PaidAmount { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? PaidRecordedById { get; set; }
    public DateTime? PaidRecordedAtUtc { get; set; }
    public DateTime? NextAlertAtUtc { get; set; }
    public int AlertStage { get; set; }
    public int Version { get; set; }

    public bool IsPaid => PaidOn is not null;

    public bool IsWatched => !IsPaid;

    public static Instalment Plan(int number, decimal amount, DateOnly dueOn)
    {
        var instalment = new Instalment
        {
            Number = number,
            Amount = amount,
            DueOn = dueOn,
            DueSoonAtUtc = DueDateAlerts.DueSoonAt(dueOn),
            DueAtUtc = DueDateAlerts.OverdueAt(dueOn),
        };
        DueDateAlerts.Schedule(instalment);
        return instalment;
    }

    public void MarkPaid(decimal amount, DateOnly paidOn, string by, DateTime now)
    {
        if (IsPaid)
        {
            throw new DomainRuleException("Rule.Instalment.AlreadyPaid", $"instalment {Id}");
        }

        if (amount <= 0m)
        {
            throw new DomainRuleException("Rule.Instalment.AmountPositive");
        }

        PaidAmount = amount;
        PaidOn = paidOn;
        PaidRecordedById = by;
        PaidRecordedAtUtc = now;
        DueDateAlerts.Schedule(this);
    }

    public static string AlertKey(int id, AlertKind kind) => $"instalment:{id}:{kind}";
}
