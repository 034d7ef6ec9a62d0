using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Tasks;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;

namespace ExecutionHub.Web.Features.Matters.Findings;

/// <summary>
/// The grid worker (or partner agent) records what they found on the ground. The form is a
/// mutable class so the same validator can drive the phone form and the pipeline.
/// </summary>
[Allowed(Roles.GridWorker, Roles.PartnerAgent)]
public sealed class SubmitFinding : ICommand<int>, ITaskRequest
{
    public int TaskId { get; set; }
    public int Version { get; set; }

    /// <summary>The matter's type and clue kind decide which finding fields are required; the handler checks they are the matter's own.</summary>
    public MatterType MatterType { get; set; }
    public AssetClueKind? ClueKind { get; set; }

    public Finding Finding { get; set; } = new();
}

public sealed class SubmitFindingValidator : AbstractValidator<SubmitFinding>
{
    public SubmitFindingValidator(TimeProvider clock)
    {
        RuleFor(x => x.Finding).NotNull();
        RuleFor(x => x.Finding.VisitedAtUtc)
            .Must(v => v.Kind == DateTimeKind.Utc && v <= clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            .WithMessage(_ => UiText.Get("Validation.VisitInFuture"));
        RuleFor(x => x.Finding.Notes).MaximumLength(2000);
        // Every text of a finding has its limit whatever the type (a field of another type is not shown, but the API could send it).
        RuleFor(x => x.Finding.CurrentAddress).MaximumLength(PersonalData.MaxAddressLength);
        RuleFor(x => x.Finding.Contact).MaximumLength(100);
        RuleFor(x => x.Finding.DailyRoutine).MaximumLength(1000);
        RuleFor(x => x.Finding.Household).MaximumLength(500);
        RuleFor(x => x.Finding.Housing).MaximumLength(500);
        RuleFor(x => x.Finding.VehiclePlate).MaximumLength(MatterDetails.MaxPlateLength);
        RuleFor(x => x.Finding.VehicleLocation).MaximumLength(PersonalData.MaxAddressLength);
        RuleFor(x => x.Finding.Employer).MaximumLength(MatterDetails.MaxNameLength);
        RuleFor(x => x.Finding.IncomeSource).MaximumLength(500);
        RuleFor(x => x.Finding.VisibleAssets).MaximumLength(1000);
        RuleFor(x => x.Finding.HouseholdMembers).MaximumLength(500);
        RuleFor(x => x.Finding.AbilityToPay).MaximumLength(500);
        RuleFor(x => x.Finding.Latitude).InclusiveBetween(-90, 90).When(x => x.Finding.Latitude is not null);
        RuleFor(x => x.Finding.Longitude).InclusiveBetween(-180, 180).When(x => x.Finding.Longitude is not null);

        When(x => x.MatterType == MatterType.DebtorWhereabouts, () =>
        {
            RuleFor(x => x.Finding.PersonFound).NotNull();
            RuleFor(x => x.Finding.CurrentAddress).NotEmpty().When(x => x.Finding.PersonFound == true);
        });
        When(x => x.MatterType == MatterType.AssetClueVerification && x.ClueKind == AssetClueKind.Vehicle, () =>
        {
            RuleFor(x => x.Finding.VehicleSeen).NotNull();
            RuleFor(x => x.Finding.VehicleLocation).NotEmpty().When(x => x.Finding.VehicleSeen == true);
        });
        When(x => x.MatterType == MatterType.AssetClueVerification && x.ClueKind == AssetClueKind.Income, () =>
        {
            RuleFor(x => x.Finding.Employer).NotEmpty();
            RuleFor(x => x.Finding.EstimatedMonthlyIncome).GreaterThanOrEqualTo(0).When(x => x.Finding.EstimatedMonthlyIncome is not null);
        });
        When(x => x.MatterType == MatterType.HouseholdSurvey, () =>
        {
            RuleFor(x => x.Finding.HouseholdMembers).NotEmpty();
            RuleFor(x => x.Finding.AbilityToPay).NotEmpty();
        });
        RuleFor(x => x.Finding.Notes).NotEmpty()
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

            task.Submit(command.Finding.Trimmed(), now);
            return command.Finding.Notes.Trim();
        }, cancellationToken);
}
