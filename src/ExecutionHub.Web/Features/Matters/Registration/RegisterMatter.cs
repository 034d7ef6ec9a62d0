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
    [FieldLabel("Matters.Cause")]
    public string? Cause { get; set; }
    [FieldLabel("Register.Industry")]
    public string? Industry { get; set; }
    public decimal? AmountOwed { get; set; }
    public int? StreetId { get; set; }

    /// <summary>An API client's street for a case new to the system: a street code of its court, or a street id.</summary>
    [FieldLabel("Field.StreetId")]
    public string? StreetKey { get; set; }

    /// <summary>A judge's user id; from an API client also a staff number or a user name.</summary>
    [FieldLabel("Register.Judge")]
    public string? JudgeId { get; set; }

    /// <summary>An existing respondent of the case, or null to add <see cref="TargetName"/> as a new one.</summary>
    public int? TargetPartyId { get; set; }
    public PartyKind TargetKind { get; set; } = PartyKind.Person;
    [FieldLabel("Matters.TargetName")]
    public string? TargetName { get; set; }
    public string? TargetIdentityNumber { get; set; }
    [FieldLabel("Matters.Phones")]
    public string? TargetPhone { get; set; }
    [FieldLabel("Matters.Addresses")]
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
        RegistrationTextLimits.AddTo(this);
        RuleFor(x => x.Request).NotEmpty();
        RuleFor(x => x.DuplicateReason).NotEmpty().When(x => x.AllowDuplicate);
        RuleFor(x => x.Details).Custom((details, context) =>
        {
            var type = context.InstanceToValidate.Type;
            foreach (var field in details?.FilledFields().Where(f => !MatterDetails.Uses(type, f)) ?? [])
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(
                    field, UiText.Format("Validation.DetailNotForType", UiText.Get($"Details.{field}"), UiText.Get($"MatterType.{type}"))));
            }
        });
        RuleFor(x => x.Source).IsInEnum();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.Route).IsInEnum().When(x => x.Route is not null);
        RuleFor(x => x.Route).Null().When(x => !ApplicationDecision.CanBeMadeOn(x.Type))
            .WithMessage(_ => UiText.Get("Validation.RouteOnlyForApplications"));
        RuleFor(x => x.Source).Equal(MatterSource.OtherCourtEntrustment).When(x => x.Type == MatterType.EntrustedInvestigation)
            .WithMessage(_ => UiText.Get("Validation.EntrustedNeedsEntrustment"));

        When(x => x.TargetPartyId is null, () =>
        {
            RuleFor(x => x.TargetName).NotEmpty();
            RuleFor(x => x.TargetIdentityNumber).IdentityNumberFor(x => x.TargetKind);
            RuleFor(x => x.TargetPhone).Matches(PersonalData.PhonePattern).When(x => !string.IsNullOrEmpty(x.TargetPhone))
                .WithMessage(_ => UiText.Get("Validation.Phone"));
        });

        When(x => x.Type == MatterType.DebtorWhereabouts, () => RuleFor(x => x.Details.LastKnownAddresses).NotEmpty().OverridePropertyName(nameof(MatterDetails.LastKnownAddresses)));
        When(x => x.Type == MatterType.AssetClueVerification, () =>
        {
            RuleFor(x => x.Details.ClueKind).NotNull().IsInEnum().OverridePropertyName(nameof(MatterDetails.ClueKind));
            RuleFor(x => x.Details.VehiclePlate).NotEmpty().Matches(@"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$")
                .When(x => x.Details.ClueKind == AssetClueKind.Vehicle).OverridePropertyName(nameof(MatterDetails.VehiclePlate))
                .WithMessage(_ => UiText.Get("Validation.Plate"));
            RuleFor(x => x.Details.Employer).NotEmpty().When(x => x.Details.ClueKind == AssetClueKind.Income).OverridePropertyName(nameof(MatterDetails.Employer));
            RuleFor(x => x.Details.ClueDescription).NotEmpty()
                .When(x => x.Details.ClueKind is AssetClueKind.RealEstate or AssetClueKind.Business or AssetClueKind.Other)
                .OverridePropertyName(nameof(MatterDetails.ClueDescription));
        });
        When(x => x.Type == MatterType.EntrustedInvestigation, () =>
        {
            RuleFor(x => x.Details.RequestingCourt).NotEmpty().OverridePropertyName(nameof(MatterDetails.RequestingCourt));
            RuleFor(x => x.Details.RequestingCaseNumber).NotEmpty()
                .Must(n => Domain.CaseNumber.TryParse(n, out _)).OverridePropertyName(nameof(MatterDetails.RequestingCaseNumber))
                .WithMessage(_ => UiText.Get("Validation.CaseNumber"));
            RuleFor(x => x.Details.LetterReference).NotEmpty().OverridePropertyName(nameof(MatterDetails.LetterReference));
        });
        When(x => x.Type == MatterType.JudicialRelief, () =>
            RuleFor(x => x.Details.ApplicantHardship).NotEmpty().OverridePropertyName(nameof(MatterDetails.ApplicantHardship)));
        When(x => x.Type == MatterType.ResumeExecution, () =>
            RuleFor(x => x.Details.NewAssetClue).NotEmpty().OverridePropertyName(nameof(MatterDetails.NewAssetClue)));
    }
}

/// <summary>
/// The longest text each field of a registration takes (the case's and party's columns, the matter's, the details'),
/// whatever the type and wherever the registration goes: registered, or only looked up for duplicates. Rules added to
/// a validator rather than a validator of its own, which the assembly scan would register as a second RegisterMatter validator.
/// </summary>
public static class RegistrationTextLimits
{
    public static void AddTo(AbstractValidator<RegisterMatter> validator)
    {
        validator.RuleFor(x => x.CaseNumber).MaximumLength(ExecutionCase.MaxCaseNumberLength);
        validator.RuleFor(x => x.Cause).MaximumLength(ExecutionCase.MaxCauseLength);
        validator.RuleFor(x => x.Industry).MaximumLength(ExecutionCase.MaxIndustryLength);
        validator.RuleFor(x => x.JudgeId).MaximumLength(TextLimits.UserId);
        validator.RuleFor(x => x.StreetKey).MaximumLength(OrgCodes.MaxLength);
        validator.RuleFor(x => x.TargetName).MaximumLength(CaseParty.MaxNameLength);
        validator.RuleFor(x => x.TargetIdentityNumber).MaximumLength(CaseParty.MaxIdentityNumberLength);
        validator.RuleFor(x => x.TargetPhone).MaximumLength(PersonalData.MaxPhoneLength);
        validator.RuleFor(x => x.TargetAddress).MaximumLength(PersonalData.MaxAddressLength);
        validator.RuleFor(x => x.Request).MaximumLength(Matter.MaxRequestLength);
        validator.RuleFor(x => x.ClientReference).MaximumLength(Matter.MaxClientReferenceLength);
        validator.RuleFor(x => x.DuplicateReason).MaximumLength(500);

        validator.RuleFor(x => x.Details.LastKnownAddresses).MaximumLength(MatterDetails.MaxAddressesLength);
        validator.RuleFor(x => x.Details.CourtAlreadyTried).MaximumLength(MatterDetails.MaxTextLength);
        validator.RuleFor(x => x.Details.VehiclePlate).MaximumLength(MatterDetails.MaxPlateLength);
        validator.RuleFor(x => x.Details.VehicleModel).MaximumLength(MatterDetails.MaxShortLength);
        validator.RuleFor(x => x.Details.Employer).MaximumLength(MatterDetails.MaxNameLength);
        validator.RuleFor(x => x.Details.Position).MaximumLength(MatterDetails.MaxShortLength);
        validator.RuleFor(x => x.Details.ClueDescription).MaximumLength(MatterDetails.MaxTextLength);
        validator.RuleFor(x => x.Details.RequestingCourt).MaximumLength(MatterDetails.MaxNameLength);
        validator.RuleFor(x => x.Details.RequestingCaseNumber).MaximumLength(MatterDetails.MaxCaseNumberLength);
        validator.RuleFor(x => x.Details.LetterReference).MaximumLength(MatterDetails.MaxShortLength);
        validator.RuleFor(x => x.Details.ApplicantHardship).MaximumLength(MatterDetails.MaxTextLength);
        validator.RuleFor(x => x.Details.NewAssetClue).MaximumLength(MatterDetails.MaxTextLength);
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
