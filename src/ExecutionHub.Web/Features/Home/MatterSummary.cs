using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Home;

/// <summary>A matter as a home-page row. A person target's name is masked; an organisation's name is public.</summary>
public sealed record MatterSummary(int Id, string Reference, string CaseNumber, MatterType Type, MatterStatus Status, string Target, DateTime ReceivedAtUtc, DateTime DueAtUtc);

internal static class MatterSummaryQuery
{
    /// <summary>The newest <paramref name="count"/> matters, masked for display.</summary>
    public static async Task<IReadOnlyList<MatterSummary>> LatestAsync(this IQueryable<Matter> matters, int count, CancellationToken cancellationToken)
    {
        var rows = await matters
            .OrderByDescending(m => m.ReceivedAtUtc)
            .Take(count)
            .Select(m => new { m.Id, m.Reference, m.Case!.CaseNumber, m.Type, m.Status, m.TargetParty!.Kind, m.TargetParty.Name, m.ReceivedAtUtc, m.DueAtUtc })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new MatterSummary(r.Id, r.Reference, r.CaseNumber, r.Type, r.Status, PersonalData.MaskPartyName(r.Kind, r.Name), r.ReceivedAtUtc, r.DueAtUtc))
            .ToList();
    }
}
