using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>An open matter that a new registration would repeat: same case, same respondent, same type.</summary>
public sealed record OpenDuplicate(int Id, string Reference, MatterStatus Status, DateTime ReceivedAtUtc, DateTime DueAtUtc);

/// <summary>
/// Registration refused because <see cref="Existing"/> already asks the same; the sender may go on by
/// saying so (<see cref="RegisterMatter.AllowDuplicate"/> with a reason). A domain rule like any other
/// for the UI (a warning), a 409 naming the existing matter for the API.
/// </summary>
public sealed class DuplicateMatterException(OpenDuplicate existing)
    : DomainRuleException("Rule.Matter.OpenDuplicate", $"matter {existing.Id} ({existing.Reference}) is open")
{
    public OpenDuplicate Existing { get; } = existing;
}

/// <summary>
/// Finds the open matters a registration would duplicate, so nobody dispatches the same search twice and
/// the figures do not count it twice. The respondent is the party chosen, or, for a target typed in as
/// new, a respondent already on the case with the same kind and name whose identity number does not
/// contradict it (typing the person again must not slip past the check).
/// </summary>
public static class OpenDuplicates
{
    /// <summary>The open matters of the registration's type about its respondent on <paramref name="case"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<OpenDuplicate>> FindAsync(AppDbContext db, ExecutionCase @case, RegisterMatter registration, CancellationToken cancellationToken)
    {
        var respondents = @case.Parties
            .Where(p => p.Id != 0 && p.Role == PartyRole.Respondent && IsTarget(p, registration))
            .Select(p => p.Id)
            .ToList();
        if (respondents.Count == 0)
        {
            return [];
        }

        return await db.Matters.AsNoTracking().Open()
            .Where(m => m.CaseId == @case.Id && m.Type == registration.Type && respondents.Contains(m.TargetPartyId))
            .OrderBy(m => m.ReceivedAtUtc).ThenBy(m => m.Id)
            .Select(m => new OpenDuplicate(m.Id, m.Reference, m.Status, m.ReceivedAtUtc, m.DueAtUtc))
            .ToListAsync(cancellationToken);
    }

    private static bool IsTarget(CaseParty party, RegisterMatter registration)
    {
        if (registration.TargetPartyId is { } chosen)
        {
            return party.Id == chosen;
        }

        var identity = registration.TargetIdentityNumber?.Trim() ?? "";
        return party.Kind == registration.TargetKind
            && string.Equals(party.Name, registration.TargetName?.Trim(), StringComparison.Ordinal)
            && (party.IdentityNumber.Length == 0 || identity.Length == 0 || string.Equals(party.IdentityNumber, identity, StringComparison.OrdinalIgnoreCase));
    }
}
