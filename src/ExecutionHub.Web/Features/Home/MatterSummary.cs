using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Home;

/// <summary>A matter as a home-page row: the target's name is already masked.</summary>
public sealed record MatterSummary(int Id, string Reference, string CaseNumber, MatterType Type, MatterStatus Status, string TargetMasked, DateTime ReceivedAtUtc, DateTime DueAtUtc);

internal static class MatterSummaryQuery
{
    public static IQueryable<MatterSummary> ToSummaries(this IQueryable<Matter> matters) =>
        matters
            .OrderByDescending(m => m.ReceivedAtUtc)
            .Select(m => new MatterSummary(m.Id, m.Reference, m.Case!.CaseNumber, m.Type, m.Status, m.TargetParty!.Name, m.ReceivedAtUtc, m.DueAtUtc));

    public static IReadOnlyList<MatterSummary> Masked(this IEnumerable<MatterSummary> rows) =>
        rows.Select(r => r with { TargetMasked = PersonalData.MaskName(r.TargetMasked) }).ToList();

    public static IQueryable<Matter> Open(this IQueryable<Matter> matters) =>
        matters.Where(m => m.Status != MatterStatus.Closed && m.Status != MatterStatus.Cancelled && m.Status != MatterStatus.FedBack);
}
