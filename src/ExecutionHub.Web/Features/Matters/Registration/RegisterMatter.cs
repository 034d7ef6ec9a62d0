using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>
/// A new matter. A judge refers one from a case of their court (court ex officio, received); a
/// coordinator registers one from a party's application or another court's entrustment
/// (received and registered at once). The case is picked by its number and created on the
/// spot when new; the target is one of its respondents or a new party. A mutable class, so the
/// registration form binds to it and the same validator checks both.
/// An API client refers one for an existing case: from its own court ex officio, from any other
/// court as an entrustment; either way it arrives received, for the workstation to register.
/// </summary>
[Allowed(Roles.Judge, Roles.Coordinator)]
[ApiScope(ApiScopes.MattersWrite)]
public sealed class RegisterMatter : ICommand<int>
{
    public MatterSource Source { get; set; } = MatterSource.CourtExOfficio;
    [FieldLabel("Matter.Type")]
    public MatterType Type { get; set; } = MatterType.DebtorWhereabouts;
    public string CaseNumber { get; set; } = "";

    /// <summary>For a case new to the system.</summary>
    public string? Cause { get; set; }
    public string? Industry { get; set; }
    public decimal? AmountOwed { get; set; }
    public int? StreetId { get; set; }
    public string? JudgeId { get; set; }

    /// <summary>An existing respondent of the case, or null to add <see cref="TargetName"/> as a new one.</summary>
    public int? TargetPartyId { get; set; }
    public PartyKind TargetKind { get; set; } = PartyKind.Person;
    [FieldLabel("Matters.TargetName")]
    public string? TargetName { get; set; }
    public string? TargetIdentityNumber { get; set; }
    public string? TargetPhone { get; set; }
    public string? TargetAddress { get; set; }

    [FieldLabel("Register.Request")]
    public string Request { get; set; } = "";
    public MatterDetails Details { get; set; } = new();

    /// <summary>For a judicial relief or resume-execution application registered at the workstation: to the hearing-and-relief group or to the judge; null leaves it unrouted.</summary>
    public ApplicationRoute? Route { get; set; }

    /// <summary>The referring system's own reference (API referrals).</summary>
    public string? ClientReference { get; set; }

    /// <summary>
    /// Register although an open matter of the same type exists for the same respondent on the case
    /// (<see cref="OpenDuplicates"/>): the sender saw it and goes on. Without it such a registration is refused.
    /// </summary>
    public bool AllowDuplicate { get; set; }

    /// <summary>Why a second matter is needed, written on the new matter's timeline with the existing one's reference.</summary>
    public string? DuplicateReason { get; set; }
}

public sealed class RegisterMatterValidator : AbstractValidator<RegisterMatter>
{
    public RegisterMatterValidator()
    {
        RuleFor(x => x.CaseNumber).NotEmpty()
            .Must(n => Domain.CaseNumber.TryParse(n, out _)).WithMessage(_ => UiText.Get("Validation.CaseNumber"));
        RuleFor(x => x.Request).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.ClientReference).MaximumLength(100);
        RuleFor(x => x.DuplicateReason).NotEmpty().When(x => x.AllowDuplicate);
        RuleFor(x => x.DuplicateReason).MaximumLength(500);
        RuleFor(x => x.Source).IsInEnum();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.Route).IsInEnum().When(x => x.Route is not null);
        RuleFor(x => x.Route).Null().When(x => !ApplicationDecision.CanBeMadeOn(x.Type))
            .WithMessage(_ => UiText.Get("Validation.RouteOnlyForApplications"));
        RuleFor(x => x.Source).Equal(MatterSource.OtherCourtEntrustment).When(x => x.Type == MatterType.EntrustedInvestigation)
            .WithMessage(_ => UiText.Get("Validation.EntrustedNeedsEntrustment"));

        When(x => x.TargetPartyId is null, () =>
        {
            RuleFor(x => x.TargetName).NotEmpty().MaximumLength(100);
            RuleFor(x => x.TargetIdentityNumber)
                .Must(n => string.IsNullOrEmpty(n) || IdentityNumbers.IsResidentId(n)).When(x => x.TargetKind == PartyKind.Person)
                .WithMessage(_ => UiText.Get("Validation.ResidentId"));
            RuleFor(x => x.TargetIdentityNumber)
                .Must(n => string.IsNullOrEmpty(n) || IdentityNumbers.IsCreditCode(n)).When(x => x.TargetKind == PartyKind.Organisation)
                .WithMessage(_ => UiText.Get("Validation.CreditCode"));
            RuleFor(x => x.TargetPhone).Matches(PersonalData.PhonePattern).When(x => !string.IsNullOrEmpty(x.TargetPhone))
                .WithMessage(_ => UiText.Get("Validation.Phone"));
            RuleFor(x => x.TargetAddress).MaximumLength(200);
        });

        When(x => x.Type == MatterType.DebtorWhereabouts, () => RuleFor(x => x.Details.LastKnownAddresses).NotEmpty().MaximumLength(500).OverridePropertyName(nameof(MatterDetails.LastKnownAddresses)));
        When(x => x.Type == MatterType.AssetClueVerification, () =>
        {
            RuleFor(x => x.Details.ClueKind).NotNull().IsInEnum().OverridePropertyName(nameof(MatterDetails.ClueKind));
            RuleFor(x => x.Details.VehiclePlate).NotEmpty().Matches(@"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$")
                .When(x => x.Details.ClueKind == AssetClueKind.Vehicle).OverridePropertyName(nameof(MatterDetails.VehiclePlate))
                .WithMessage(_ => UiText.Get("Validation.Plate"));
            RuleFor(x => x.Details.Employer).NotEmpty().When(x => x.Details.ClueKind == AssetClueKind.Income).OverridePropertyName(nameof(MatterDetails.Employer));
            RuleFor(x => x.Details.ClueDescription).NotEmpty().MaximumLength(1000)
                .When(x => x.Details.ClueKind is AssetClueKind.RealEstate or AssetClueKind.Business or AssetClueKind.Other)
                .OverridePropertyName(nameof(MatterDetails.ClueDescription));
        });
        When(x => x.Type == MatterType.EntrustedInvestigation, () =>
        {
            RuleFor(x => x.Details.RequestingCourt).NotEmpty().MaximumLength(100).OverridePropertyName(nameof(MatterDetails.RequestingCourt));
            RuleFor(x => x.Details.RequestingCaseNumber).NotEmpty()
                .Must(n => Domain.CaseNumber.TryParse(n, out _)).OverridePropertyName(nameof(MatterDetails.RequestingCaseNumber))
                .WithMessage(_ => UiText.Get("Validation.CaseNumber"));
            RuleFor(x => x.Details.LetterReference).NotEmpty().MaximumLength(50).OverridePropertyName(nameof(MatterDetails.LetterReference));
        });
        When(x => x.Type == MatterType.JudicialRelief, () =>
            RuleFor(x => x.Details.ApplicantHardship).NotEmpty().MaximumLength(1000).OverridePropertyName(nameof(MatterDetails.ApplicantHardship)));
        When(x => x.Type == MatterType.ResumeExecution, () =>
            RuleFor(x => x.Details.NewAssetClue).NotEmpty().MaximumLength(1000).OverridePropertyName(nameof(MatterDetails.NewAssetClue)));
    }
}

public sealed class RegisterMatterHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegisterMatter, int>
{
    public async ValueTask<int> Handle(RegisterMatter command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var matter = await MatterRegistration.RegisterAsync(db, command, me, clock.GetUtcNow().UtcDateTime, origin: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return matter.Id;
    }
}
