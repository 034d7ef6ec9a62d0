using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
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
    public string? TargetName { get; set; }
    public string? TargetIdentityNumber { get; set; }
    public string? TargetPhone { get; set; }
    public string? TargetAddress { get; set; }

    public string Request { get; set; } = "";
    public MatterDetails Details { get; set; } = new();

    /// <summary>For a judicial relief or resume-execution application registered at the workstation: to the hearing-and-relief group or to the judge; null leaves it unrouted.</summary>
    public ApplicationRoute? Route { get; set; }

    /// <summary>The referring system's own reference (API referrals).</summary>
    public string? ClientReference { get; set; }
}

public sealed class RegisterMatterValidator : AbstractValidator<RegisterMatter>
{
    public RegisterMatterValidator()
    {
        RuleFor(x => x.CaseNumber).NotEmpty()
            .Must(n => Domain.CaseNumber.TryParse(n, out _)).WithMessage(_ => UiText.Get("Validation.CaseNumber"));
        RuleFor(x => x.Request).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.ClientReference).MaximumLength(100);
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
        var matter = await RegisterAsync(db, command, me, clock.GetUtcNow().UtcDateTime, origin: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return matter.Id;
    }

    /// <summary>
    /// Registers the matter inside the caller's transaction (the caller commits). <paramref name="origin"/>
    /// is a timeline line saying where the matter came from, written right after its receipt.
    /// </summary>
    internal static async Task<Matter> RegisterAsync(
        AppDbContext db, RegisterMatter command, UserContext me, DateTime now, (string Event, string Detail)? origin, CancellationToken cancellationToken)
    {
        var asJudge = me.IsInRole(Roles.Judge);
        var asClient = me.IsApiClient;
        if (!asClient && asJudge != (command.Source == MatterSource.CourtExOfficio))
        {
            // A judge refers ex officio; party applications and entrustments come in at the workstation.
            throw new RequestRefusedException("Rule.Matter.SourceNotForRole");
        }

        var caseNumber = Domain.CaseNumber.Parse(command.CaseNumber).ToString();
        var @case = await db.Cases.Include(c => c.Parties).SingleOrDefaultAsync(c => c.CaseNumber == caseNumber, cancellationToken)
            ?? (asClient
                ? throw new DomainRuleException("Rule.Api.CaseUnknown")
                : await NewCaseAsync(db, command, caseNumber, me, now, cancellationToken));

        if (asClient)
        {
            // The client's own court refers ex officio; any other court's referral is an entrustment.
            var source = @case.CourtId == me.CourtId ? MatterSource.CourtExOfficio : MatterSource.OtherCourtEntrustment;
            if (command.Type == MatterType.EntrustedInvestigation && source != MatterSource.OtherCourtEntrustment)
            {
                throw new DomainRuleException("Rule.Api.EntrustedFromOwnCourt");
            }

            command.Source = source;
        }

        var inScope = asClient || (asJudge ? @case.CourtId == me.CourtId : @case.StreetId == me.StreetId);
        if (!inScope)
        {
            throw new RequestRefusedException("Error.NotAllowed", $"case {caseNumber}");
        }

        var target = command.TargetPartyId is { } partyId
            ? @case.Parties.SingleOrDefault(p => p.Id == partyId && p.Role == PartyRole.Respondent) ?? throw new NotFoundException($"Party {partyId}")
            : AddTarget(@case, command);

        var matter = new Matter
        {
            Reference = await NextReferenceAsync(db, now, cancellationToken),
            Type = command.Type,
            Source = command.Source,
            CaseId = @case.Id,
            TargetParty = target,
            StreetId = @case.StreetId,
            CourtId = @case.CourtId,
            JudgeId = @case.JudgeId,
            ReceivedAtUtc = now,
            DueAtUtc = Matter.DueFrom(now),
            Request = command.Request.Trim(),
            Details = command.Details,
            CreatedById = me.Id,
            ApiClientId = asClient ? me.ApiClientId : null,
            ClientReference = string.IsNullOrWhiteSpace(command.ClientReference) ? null : command.ClientReference.Trim(),
        };
        var (policy, calendar) = await Deadlines.DeadlineRules.ForAsync(db, command.Type, cancellationToken);
        Deadlines.DeadlineRules.Apply(matter, policy, calendar);
        if (!asJudge && !asClient)
        {
            matter.Register(now);
        }

        db.Matters.Add(matter);
        await db.SaveChangesAsync(cancellationToken);
        db.AddTimeline(matter, me, now, "Timeline.MatterReceived", UiText.Get($"MatterSource.{command.Source}"));
        if (origin is var (originEvent, originDetail))
        {
            db.AddTimeline(matter, me, now, originEvent, originDetail);
        }

        if (asClient)
        {
            db.AddTimeline(matter, me, now, "Timeline.ReceivedThroughApi", matter.ClientReference ?? "");
        }
        else if (!asJudge)
        {
            db.AddTimeline(matter, me, now, "Timeline.MatterRegistered");
        }

        if (command.Route is { } route)
        {
            // Routing is the workstation's call; a judge's own referral needs no route to the judge.
            if (asJudge)
            {
                throw new RequestRefusedException("Rule.Matter.RouteOnlyAtWorkstation");
            }

            await Groups.Routing.RouteAsync(db, matter, route, me, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return matter;
    }

    private static async Task<ExecutionCase> NewCaseAsync(AppDbContext db, RegisterMatter command, string caseNumber, UserContext me, DateTime now, CancellationToken cancellationToken)
    {
        var streetId = me.StreetId ?? command.StreetId ?? throw new DomainRuleException("Rule.Case.StreetRequired");
        var street = await db.Streets.SingleOrDefaultAsync(s => s.Id == streetId, cancellationToken) ?? throw new NotFoundException($"Street {streetId}");
        var judgeId = me.IsInRole(Roles.Judge) ? me.Id : command.JudgeId ?? throw new DomainRuleException("Rule.Case.JudgeRequired");
        var judgeInCourt = await db.Users.AnyAsync(u => u.Id == judgeId && u.CourtId == street.CourtId, cancellationToken);
        if (!judgeInCourt || string.IsNullOrWhiteSpace(command.Cause) || command.AmountOwed is not > 0)
        {
            throw new DomainRuleException("Rule.Case.NewCaseIncomplete");
        }

        var communities = await db.Communities.Where(c => c.StreetId == street.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var @case = new ExecutionCase
        {
            CaseNumber = caseNumber,
            CourtId = street.CourtId,
            StreetId = street.Id,
            CommunityId = CommunityMatch.Suggest(command.TargetAddress, communities.Select(c => (c.Id, c.Name))),
            JudgeId = judgeId,
            Cause = command.Cause.Trim(),
            Industry = string.IsNullOrWhiteSpace(command.Industry) ? UiText.Get("Case.IndustryUnknown") : command.Industry.Trim(),
            AmountOwed = command.AmountOwed.Value,
            FiledOn = DateOnly.FromDateTime(ChinaTime.ToLocal(now)),
            CreatedAtUtc = now,
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }

    private static CaseParty AddTarget(ExecutionCase @case, RegisterMatter command)
    {
        var party = new CaseParty
        {
            CaseId = @case.Id,
            Role = PartyRole.Respondent,
            Kind = command.TargetKind,
            Name = command.TargetName!.Trim(),
            IdentityNumber = command.TargetIdentityNumber?.Trim().ToUpperInvariant() ?? "",
            Phones = string.IsNullOrWhiteSpace(command.TargetPhone) ? [] : [command.TargetPhone.Trim()],
            Addresses = string.IsNullOrWhiteSpace(command.TargetAddress) ? [] : [command.TargetAddress.Trim()],
        };
        @case.Parties.Add(party);
        return party;
    }

    /// <summary>ZX-{year in Shanghai}-{serial}: the next five-digit serial of the year. The unique index stops a duplicate from a race.</summary>
    internal static async Task<string> NextReferenceAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var prefix = $"ZX-{ChinaTime.ToLocal(now).Year.ToString(CultureInfo.InvariantCulture)}-";
        // Only references numbered after the prefix ("ZX-2026-00081"); another scheme sharing the prefix (bulk or
        // migrated data, "ZX-2026-B0999999") sorts above the digits and must not be parsed as the last number.
        var last = await db.Matters
            .Where(m => m.Reference.StartsWith(prefix) && string.Compare(m.Reference, prefix + "0") >= 0 && string.Compare(m.Reference, prefix + ":") < 0)
            .OrderByDescending(m => m.Reference).Select(m => m.Reference).FirstOrDefaultAsync(cancellationToken);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("00000", CultureInfo.InvariantCulture);
    }
}
