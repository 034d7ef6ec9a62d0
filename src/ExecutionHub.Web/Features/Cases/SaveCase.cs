using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.ReferenceData;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>A party as a court system sends it with its case.</summary>
public sealed record SaveCaseParty(PartyRole Role, PartyKind Kind, string? Name, string? IdentityNumber, IReadOnlyList<string>? Phones = null, IReadOnlyList<string>? Addresses = null);

/// <summary>
/// A court system registers a case of its own court, or brings one up to date, by its number (API only: a judge's case
/// comes in with the judge's referral). A field left null keeps what the case has; a new case needs its street, judge,
/// cause and amount. Parties are merged, never removed (matters name them): one is found by its role and identity number
/// (else its kind and name) and its new phones and addresses added; one not found is added. Every change goes on the
/// case's timeline; a request that changes nothing writes nothing.
/// </summary>
[ApiScope(ApiScopes.MattersWrite)]
public sealed record SaveCase : ICommand<SavedCase>
{
    public string CaseNumber { get; init; } = "";

    /// <summary>A street code of the client's court or a street id (as for a referral's case.street); only when the case is created.</summary>
    [FieldLabel("Field.StreetId")]
    public string? Street { get; init; }

    /// <summary>A judge of the client's court: user id, staff number or user name.</summary>
    [FieldLabel("Register.Judge")]
    public string? Judge { get; init; }

    [FieldLabel("Matters.Cause")]
    public string? Cause { get; init; }

    [FieldLabel("Register.Industry")]
    public string? Industry { get; init; }

    [FieldLabel("Matters.AmountOwed")]
    public decimal? AmountOwed { get; init; }

    /// <summary>立案日期 in Asia/Shanghai; a new case without one is filed today.</summary>
    [FieldLabel("Cases.FiledOn")]
    public DateOnly? FiledOn { get; init; }

    public IReadOnlyList<SaveCaseParty>? Parties { get; init; }
}

public sealed record SavedCase(int Id, string CaseNumber, bool Created);

public sealed class SaveCaseValidator : AbstractValidator<SaveCase>
{
    public SaveCaseValidator()
    {
        RuleFor(x => x.CaseNumber).NotEmpty().MaximumLength(ExecutionCase.MaxCaseNumberLength)
            .Must(n => Domain.CaseNumber.TryParse(n, out _)).WithMessage(_ => UiText.Get("Validation.CaseNumber"));
        RuleFor(x => x.Street).MaximumLength(OrgCodes.MaxLength);
        RuleFor(x => x.Judge).MaximumLength(TextLimits.UserId);
        RuleFor(x => x.Cause).MaximumLength(ExecutionCase.MaxCauseLength).Must(c => c is null || c.Trim().Length > 0)
            .WithMessage(_ => UiText.Get("Api.Field.Required")).WithErrorCode("NotEmptyValidator");
        RuleFor(x => x.Industry).MaximumLength(ExecutionCase.MaxIndustryLength);
        RuleFor(x => x.AmountOwed).GreaterThan(0m).When(x => x.AmountOwed is not null);
        RuleForEach(x => x.Parties).ChildRules(party =>
        {
            party.RuleFor(p => p.Role).IsInEnum();
            party.RuleFor(p => p.Kind).IsInEnum();
            party.RuleFor(p => p.Name).NotEmpty().MaximumLength(CaseParty.MaxNameLength);
            party.RuleFor(p => p.IdentityNumber).MaximumLength(CaseParty.MaxIdentityNumberLength).IdentityNumberFor(p => p.Kind);
            party.RuleForEach(p => p.Phones).NotEmpty().MaximumLength(PersonalData.MaxPhoneLength).Matches(PersonalData.PhonePattern)
                .WithMessage(_ => UiText.Get("Validation.Phone"));
            party.RuleForEach(p => p.Addresses).NotEmpty().MaximumLength(PersonalData.MaxAddressLength);
            party.RuleFor(p => p.Phones).Must(list => list is null || list.Count <= TextLimits.PartyContactCount);
            party.RuleFor(p => p.Addresses).Must(list => list is null || list.Count <= TextLimits.PartyContactCount);
        });
    }
}

public sealed class SaveCaseHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SaveCase, SavedCase>
{
    public async ValueTask<SavedCase> Handle(SaveCase command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var number = Domain.CaseNumber.Parse(command.CaseNumber);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var court = await db.Courts.Where(c => c.Id == me.CourtId).Select(c => new { c.Id, c.CaseCode }).SingleAsync(cancellationToken);
        if (number.CourtCode != court.CaseCode)
        {
            throw new DomainRuleException("Rule.Api.CaseNumberOfAnotherCourt");
        }

        var caseNumber = number.ToString();

        // SQLite begins the transaction IMMEDIATE: of two saves of one new number sent together, the second waits and updates.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var @case = await db.Cases.Include(c => c.Parties).SingleOrDefaultAsync(c => c.CaseNumber == caseNumber && c.CourtId == court.Id, cancellationToken);
        var created = @case is null;
        var changes = new List<string>();
        if (@case is null)
        {
            @case = await NewCaseAsync(db, command, caseNumber, court.Id, now, cancellationToken);
        }
        else
        {
            await UpdateAsync(db, @case, command, court.Id, changes, cancellationToken);
        }

        MergeParties(@case, command.Parties ?? [], changes);
        await db.SaveChangesAsync(cancellationToken);
        if (created)
        {
            AddLine(db, @case, me, now, "Timeline.CaseRegisteredThroughApi", string.Join(UiText.Get("Common.ListSeparator"), changes));
        }
        else if (changes.Count > 0)
        {
            AddLine(db, @case, me, now, "Timeline.CaseUpdatedThroughApi", string.Join(UiText.Get("Common.ListSeparator"), changes));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SavedCase(@case.Id, @case.CaseNumber, created);
    }

    private static async Task<ExecutionCase> NewCaseAsync(AppDbContext db, SaveCase command, string caseNumber, int courtId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Cases.AnyAsync(c => c.CaseNumber == caseNumber, cancellationToken))
        {
            // The court's number, kept by a workstation under another court (a letter registered by hand).
            throw new DomainRuleException("Rule.Api.CaseNumberTaken");
        }

        if (string.IsNullOrWhiteSpace(command.Street) || string.IsNullOrWhiteSpace(command.Judge) || string.IsNullOrWhiteSpace(command.Cause) || command.AmountOwed is null)
        {
            throw new DomainRuleException("Api.Case.Incomplete");
        }

        var streetId = await OrgReferences.ReferralStreetIdAsync(db, courtId, command.Street, cancellationToken)
            ?? throw new UnknownReferenceException("street", "Api.Case.StreetUnknown", command.Street);
        var judgeId = await JudgeIdAsync(db, courtId, command.Judge, cancellationToken);
        var @case = new ExecutionCase
        {
            CaseNumber = caseNumber,
            CourtId = courtId,
            StreetId = streetId,
            JudgeId = judgeId,
            Cause = command.Cause.Trim(),
            Industry = string.IsNullOrWhiteSpace(command.Industry) ? UiText.Get("Case.IndustryUnknown") : command.Industry.Trim(),
            AmountOwed = command.AmountOwed.Value,
            FiledOn = command.FiledOn ?? DateOnly.FromDateTime(ChinaTime.ToLocal(now)),
            CreatedAtUtc = now,
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync(cancellationToken);
        return @case;
    }

    private static async Task UpdateAsync(AppDbContext db, ExecutionCase @case, SaveCase command, int courtId, List<string> changes, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(command.Street)
            && await OrgReferences.ReferralStreetIdAsync(db, courtId, command.Street, cancellationToken) != @case.StreetId)
        {
            // Moving a case to another workstation is the workstations' business, not a field to overwrite.
            throw new DomainRuleException("Api.Case.StreetFixed");
        }

        if (!string.IsNullOrWhiteSpace(command.Judge))
        {
            var judgeId = await JudgeIdAsync(db, courtId, command.Judge, cancellationToken);
            if (judgeId != @case.JudgeId)
            {
                var names = await db.Users.Where(u => u.Id == judgeId || u.Id == @case.JudgeId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                changes.Add(Changed("Register.Judge", names.GetValueOrDefault(@case.JudgeId, ""), names[judgeId]));
                @case.JudgeId = judgeId;
            }
        }

        if (command.Cause?.Trim() is { } cause && cause != @case.Cause)
        {
            changes.Add(Changed("Matters.Cause", @case.Cause, cause));
            @case.Cause = cause;
        }

        if (!string.IsNullOrWhiteSpace(command.Industry) && command.Industry.Trim() != @case.Industry)
        {
            changes.Add(Changed("Register.Industry", @case.Industry, command.Industry.Trim()));
            @case.Industry = command.Industry.Trim();
        }

        if (command.AmountOwed is { } amount && amount != @case.AmountOwed)
        {
            changes.Add(Changed("Matters.AmountOwed", @case.AmountOwed.ToString("0.00", CultureInfo.InvariantCulture), amount.ToString("0.00", CultureInfo.InvariantCulture)));
            @case.AmountOwed = amount;
        }

        if (command.FiledOn is { } filedOn && filedOn != @case.FiledOn)
        {
            changes.Add(Changed("Cases.FiledOn", @case.FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), filedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            @case.FiledOn = filedOn;
        }

        if (@case.AwaitsCompletion && !string.IsNullOrWhiteSpace(command.Cause) && command.AmountOwed is > 0)
        {
            // The court's system filled in what the import could not: the case counts in the statistics from now on.
            @case.AwaitsCompletion = false;
            changes.Add(UiText.Get("Cases.Api.Completed"));
        }
    }

    private static async Task<string> JudgeIdAsync(AppDbContext db, int courtId, string? key, CancellationToken cancellationToken) =>
        await OrgReferences.JudgeIdAsync(db, courtId, key, cancellationToken)
            ?? throw new UnknownReferenceException("judge", "Api.Case.JudgeUnknown", key);

    private static void MergeParties(ExecutionCase @case, IReadOnlyList<SaveCaseParty> parties, List<string> changes)
    {
        foreach (var sent in parties)
        {
            var name = sent.Name!.Trim();
            var identityNumber = sent.IdentityNumber?.Trim().ToUpperInvariant() ?? "";
            var phones = (sent.Phones ?? []).Select(p => p.Trim()).Distinct().ToList();
            var addresses = (sent.Addresses ?? []).Select(a => a.Trim()).Distinct().ToList();
            var party = @case.Parties.FirstOrDefault(p => p.Role == sent.Role && (identityNumber.Length > 0
                ? p.IdentityNumber == identityNumber
                : p.Kind == sent.Kind && p.Name == name));
            var role = UiText.Get(sent.Role == PartyRole.Applicant ? "Cases.Applicant" : "Cases.Respondent");
            if (party is null)
            {
                @case.Parties.Add(new CaseParty
                {
                    Role = sent.Role,
                    Kind = sent.Kind,
                    Name = name,
                    IdentityNumber = identityNumber,
                    Phones = phones,
                    Addresses = addresses,
                });
                changes.Add(UiText.Format("Cases.Api.PartyAdded", role, PersonalData.MaskPartyName(sent.Kind, name)));
                continue;
            }

            var newPhones = phones.Except(party.Phones).ToList();
            var newAddresses = addresses.Except(party.Addresses).ToList();
            var renamed = party.Name != name;
            if (!renamed && newPhones.Count == 0 && newAddresses.Count == 0)
            {
                continue;
            }

            // Lists of a tracked entity are replaced, not mutated, so the change tracker sees them.
            party.Phones = [.. party.Phones, .. newPhones];
            party.Addresses = [.. party.Addresses, .. newAddresses];
            party.Name = name;
            changes.Add(UiText.Format("Cases.Api.PartyUpdated", role, PersonalData.MaskPartyName(party.Kind, name)));
        }
    }

    private static string Changed(string labelKey, string from, string to) => UiText.Format("Cases.Api.Changed", UiText.Get(labelKey), from, to);

    private static void AddLine(AppDbContext db, ExecutionCase @case, UserContext me, DateTime now, string timelineEvent, string detail) =>
        db.Timeline.Add(new TimelineEntry { CaseId = @case.Id, AtUtc = now, ActorId = me.Id, ActorName = me.Name, Event = timelineEvent, Detail = detail });
}
