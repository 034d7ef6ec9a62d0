using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>
/// How a matter comes in, whoever brings it: a judge's referral, a coordinator's registration, an
/// API client's referral (<see cref="RegisterMatter"/>) or a window visit turned into a matter
/// (Window's TurnVisitIntoMatter). The case is found by its number or created, the target found
/// or added, the matter received (and registered at the workstation), numbered, given its deadline
/// policy, routed if asked, and written to the timeline.
/// </summary>
public static class MatterRegistration
{
    /// <summary>
    /// Registers the matter inside the caller's transaction (the caller commits). <paramref name="origin"/>
    /// is a timeline line saying where the matter came from, written right after its receipt.
    /// </summary>
    public static async Task<Matter> RegisterAsync(
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
        var @case = asClient
            ? await ClientCaseAsync(db, command, me, now, cancellationToken)
            : await db.Cases.Include(c => c.Parties).SingleOrDefaultAsync(c => c.CaseNumber == caseNumber, cancellationToken)
                ?? await NewCaseAsync(db, command, caseNumber, me, now, cancellationToken);

        if (asClient)
        {
            // A case of the client's court at one of its own streets is referred ex officio; at another court's
            // street (where the respondent lives) it is an entrustment of that street's workstation.
            var streetCourt = await db.Streets.Where(s => s.Id == @case.StreetId).Select(s => s.CourtId).SingleAsync(cancellationToken);
            var source = streetCourt == me.CourtId ? MatterSource.CourtExOfficio : MatterSource.OtherCourtEntrustment;
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

        // Inside the caller's transaction, which SQLite begins IMMEDIATE (it takes the write lock at once): of two
        // identical registrations sent together, the second waits for the first to commit and then finds its matter.
        var duplicates = await OpenDuplicates.FindAsync(db, @case, command, cancellationToken);
        if (duplicates.Count > 0 && !command.AllowDuplicate)
        {
            throw new DuplicateMatterException(duplicates[0]);
        }

        var target = command.TargetPartyId is { } partyId
            ? @case.Parties.SingleOrDefault(p => p.Id == partyId && p.Role == PartyRole.Respondent) ?? throw new NotFoundException($"Party {partyId}")
            : AddTarget(@case, command);

        var matter = Matter.Receive(
            @case, target, command.Type, command.Source, await MatterReferences.NextAsync(db, now, cancellationToken), now, me.Id, command.Request.Trim(), command.Details);
        matter.ApiClientId = asClient ? me.ApiClientId : null;
        matter.ClientReference = string.IsNullOrWhiteSpace(command.ClientReference) ? null : command.ClientReference.Trim();
        var (policy, calendar) = await Deadlines.DeadlineRules.ForAsync(db, command.Type, cancellationToken);
        matter.ApplyDeadlinePolicy(policy, calendar);
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

        if (duplicates.Count > 0)
        {
            db.AddTimeline(matter, me, now, "Timeline.DuplicateConfirmed",
                UiText.Format("Timeline.DuplicateConfirmedDetail", string.Join(UiText.Get("Common.ListSeparator"), duplicates.Select(d => d.Reference)), command.DuplicateReason!.Trim()));
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

    /// <summary>
    /// An API client works on its own court's cases only: the case number must carry its court's code (decided from
    /// the number alone, so the answer says nothing about another court's cases), the case is looked up among its
    /// court's records, and one not yet here is created as the court's own record at the street the referral names
    /// (<see cref="RegisterMatter.StreetKey"/>, a code or id, with cause, amount and a judge of the court by id, staff number or user name). Another court's parties
    /// are never reached: a party id names a respondent of this very record.
    /// </summary>
    private static async Task<ExecutionCase> ClientCaseAsync(AppDbContext db, RegisterMatter command, UserContext me, DateTime now, CancellationToken cancellationToken)
    {
        var number = Domain.CaseNumber.Parse(command.CaseNumber);
        var court = await db.Courts.Where(c => c.Id == me.CourtId).Select(c => new { c.Id, c.CaseCode }).SingleAsync(cancellationToken);
        if (number.CourtCode != court.CaseCode)
        {
            throw new DomainRuleException("Rule.Api.CaseNumberOfAnotherCourt");
        }

        var caseNumber = number.ToString();
        var existing = await db.Cases.Include(c => c.Parties).SingleOrDefaultAsync(c => c.CaseNumber == caseNumber && c.CourtId == court.Id, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        if (string.IsNullOrWhiteSpace(command.StreetKey))
        {
            throw new DomainRuleException("Rule.Api.CaseUnknown");
        }

        if (await db.Cases.AnyAsync(c => c.CaseNumber == caseNumber, cancellationToken))
        {
            // The court's own number, kept by a workstation under its own court (a letter registered by hand):
            // the client learns nothing of that record, only that the workstation has to sort the number out.
            throw new DomainRuleException("Rule.Api.CaseNumberTaken");
        }

        // A code names a street of the client's court only; an id may name another court's street (an entrustment).
        var streetId = await ReferenceData.OrgReferences.ReferralStreetIdAsync(db, court.Id, command.StreetKey, cancellationToken)
            ?? throw new UnknownReferenceException("case.street", "Rule.Api.StreetUnknown", command.StreetKey);
        if (string.IsNullOrWhiteSpace(command.JudgeId) || string.IsNullOrWhiteSpace(command.Cause) || command.AmountOwed is not > 0)
        {
            throw new DomainRuleException("Rule.Api.NewCaseIncomplete");
        }

        var judgeId = await ReferenceData.OrgReferences.JudgeIdAsync(db, court.Id, command.JudgeId, cancellationToken)
            ?? throw new UnknownReferenceException("case.judge", "Rule.Api.JudgeUnknown", command.JudgeId);
        return await AddCaseAsync(db, command, caseNumber, court.Id, streetId, judgeId, now, cancellationToken);
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

        return await AddCaseAsync(db, command, caseNumber, street.CourtId, street.Id, judgeId, now, cancellationToken);
    }

    private static async Task<ExecutionCase> AddCaseAsync(
        AppDbContext db, RegisterMatter command, string caseNumber, int courtId, int streetId, string judgeId, DateTime now, CancellationToken cancellationToken)
    {
        var communities = await db.Communities.Where(c => c.StreetId == streetId).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var @case = new ExecutionCase
        {
            CaseNumber = caseNumber,
            CourtId = courtId,
            StreetId = streetId,
            CommunityId = CommunityMatch.Suggest(command.TargetAddress, communities.Select(c => (c.Id, c.Name))),
            JudgeId = judgeId,
            Cause = command.Cause!.Trim(),
            Industry = string.IsNullOrWhiteSpace(command.Industry) ? UiText.Get("Case.IndustryUnknown") : command.Industry.Trim(),
            AmountOwed = command.AmountOwed!.Value,
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
}
