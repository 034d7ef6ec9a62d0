using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// The grid worker (or partner agent) records what they found on the ground. The form is a
/// mutable class so the same validator can drive the phone form and the pipeline.
/// </summary>
[Allowed(Roles.GridWorker, Roles.PartnerAgent)]
public sealed class SubmitFinding : ICommand<int>, ITaskRequest
{
    public int TaskId { get; set; }
    public int Version { get; set; }
    public MatterType MatterType { get; set; }
    public AssetClueKind? ClueKind { get; set; }
    public DateTime VisitedAtUtc { get; set; }
    public string Notes { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool? PersonFound { get; set; }
    public string? CurrentAddress { get; set; }
    public string? DailyRoutine { get; set; }
    public string? Household { get; set; }
    public string? Contact { get; set; }
    public bool? VehicleSeen { get; set; }
    public string? VehicleLocation { get; set; }
    public string? VehiclePlate { get; set; }
    public string? Employer { get; set; }
    public decimal? EstimatedMonthlyIncome { get; set; }
    public string? IncomeSource { get; set; }
    public string? HouseholdMembers { get; set; }
    public string? Housing { get; set; }
    public string? VisibleAssets { get; set; }
    public string? AbilityToPay { get; set; }

    public Finding ToFinding() => new()
    {
        VisitedAtUtc = VisitedAtUtc,
        Notes = Notes.Trim(),
        Latitude = Latitude,
        Longitude = Longitude,
        PersonFound = PersonFound,
        CurrentAddress = CurrentAddress?.Trim(),
        DailyRoutine = DailyRoutine?.Trim(),
        Household = Household?.Trim(),
        Contact = Contact?.Trim(),
        VehicleSeen = VehicleSeen,
        VehicleLocation = VehicleLocation?.Trim(),
        VehiclePlate = VehiclePlate?.Trim(),
        Employer = Employer?.Trim(),
        EstimatedMonthlyIncome = EstimatedMonthlyIncome,
        IncomeSource = IncomeSource?.Trim(),
        HouseholdMembers = HouseholdMembers?.Trim(),
        Housing = Housing?.Trim(),
        VisibleAssets = VisibleAssets?.Trim(),
        AbilityToPay = AbilityToPay?.Trim(),
    };
}

public sealed class SubmitFindingValidator : AbstractValidator<SubmitFinding>
{
    public SubmitFindingValidator(TimeProvider clock)
    {
        RuleFor(x => x.VisitedAtUtc)
            .Must(v => v.Kind == DateTimeKind.Utc && v <= clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            .WithMessage(_ => UiText.Get("Validation.VisitInFuture"));
        RuleFor(x => x.Notes).MaximumLength(2000);
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).When(x => x.Latitude is not null);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).When(x => x.Longitude is not null);

        When(x => x.MatterType == MatterType.DebtorWhereabouts, () =>
        {
            RuleFor(x => x.PersonFound).NotNull();
            RuleFor(x => x.CurrentAddress).NotEmpty().MaximumLength(200).When(x => x.PersonFound == true);
            RuleFor(x => x.DailyRoutine).MaximumLength(1000);
        });
        When(x => x.MatterType == MatterType.AssetClueVerification && x.ClueKind == AssetClueKind.Vehicle, () =>
        {
            RuleFor(x => x.VehicleSeen).NotNull();
            RuleFor(x => x.VehicleLocation).NotEmpty().MaximumLength(200).When(x => x.VehicleSeen == true);
        });
        When(x => x.MatterType == MatterType.AssetClueVerification && x.ClueKind == AssetClueKind.Income, () =>
        {
            RuleFor(x => x.Employer).NotEmpty().MaximumLength(100);
            RuleFor(x => x.EstimatedMonthlyIncome).GreaterThanOrEqualTo(0).When(x => x.EstimatedMonthlyIncome is not null);
        });
        When(x => x.MatterType == MatterType.HouseholdSurvey, () =>
        {
            RuleFor(x => x.HouseholdMembers).NotEmpty().MaximumLength(500);
            RuleFor(x => x.AbilityToPay).NotEmpty().MaximumLength(500);
        });
        RuleFor(x => x.Notes).NotEmpty()
            .When(x => x.MatterType is not (MatterType.DebtorWhereabouts or MatterType.HouseholdSurvey)
                && !(x.MatterType == MatterType.AssetClueVerification && x.ClueKind is AssetClueKind.Vehicle or AssetClueKind.Income));
    }
}

public sealed class SubmitFindingHandler(TaskChanges changes) : ICommandHandler<SubmitFinding, int>
{
    public async ValueTask<int> Handle(SubmitFinding command, CancellationToken cancellationToken) =>
        await changes.ApplyAsync(command.TaskId, command.Version, "Timeline.FindingSubmitted", (task, now) =>
        {
            // The form's type decides which fields the validator required; it must be the matter's own.
            if (task.Matter!.Type != command.MatterType || task.Matter.Details.ClueKind != command.ClueKind)
            {
                throw new DomainRuleException("Rule.Task.WrongFindingType");
            }

            task.Submit(command.ToFinding(), now);
            return command.Notes.Trim();
        }, cancellationToken);
}
