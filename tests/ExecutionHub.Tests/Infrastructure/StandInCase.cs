using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Infrastructure;

/// <summary>A case and respondent that exist only in memory, to receive matters on for the domain rules that need no database.</summary>
internal static class StandInCase
{
    private static readonly ExecutionCase Case = new() { Id = 1, CaseNumber = "（2026）沪0110执1号", JudgeId = "judge", Cause = "借款合同纠纷", Industry = "个人借贷" };

    private static readonly CaseParty Respondent = new() { Id = 1, CaseId = 1, Role = PartyRole.Respondent, Name = "张三丰", IdentityNumber = "310110198502023456" };

    /// <summary>A matter received at <paramref name="receivedAtUtc"/>, due 72 hours later; <paramref name="status"/> puts it straight there as generated data.</summary>
    public static Matter Receive(
        MatterType type, DateTime receivedAtUtc, string reference = "ZX-2026-00001", string createdById = "judge", MatterDetails? details = null, MatterStatus? status = null)
    {
        var matter = Matter.Receive(Case, Respondent, type, MatterSource.CourtExOfficio, reference, receivedAtUtc, createdById, details: details);
        if (status is { } forced)
        {
            matter.ForceStatus(forced);
        }

        return matter;
    }
}
