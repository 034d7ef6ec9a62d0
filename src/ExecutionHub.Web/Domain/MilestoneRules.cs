using System.Globalization;
using System.Text.RegularExpressions;

namespace ExecutionHub.Web.Domain;

/// <summary>What recording a milestone means for its case, and the message its applicants receive.</summary>
public static partial class MilestoneRules
{
    public const int MaxNoteLength = 500;
    public const int MaxTemplateLength = 300;

    /// <summary>The placeholders a message template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{CaseNumber}", "{Date}", "{Amount}", "{Court}"];

    /// <summary>Seizure, settlement, payment and fine carry a sum of money; the others may.</summary>
    public static bool NeedsAmount(MilestoneKind kind) =>
        kind is MilestoneKind.AssetSeizure or MilestoneKind.Settlement or MilestoneKind.PaymentReceived or MilestoneKind.DetentionOrFine;

    /// <summary>
    /// The case follows its milestones: a payment adds to what was recovered (and a case paid in
    /// full is paid), a settlement settles a case still in execution or terminated, a closure closes it.
    /// </summary>
    public static void ApplyTo(ExecutionCase @case, MilestoneKind kind, decimal? amount)
    {
        switch (kind)
        {
            case MilestoneKind.PaymentReceived:
                @case.AmountRecovered += amount ?? 0m;
                if (@case.AmountRecovered >= @case.AmountOwed && @case.Status is CaseStatus.InExecution or CaseStatus.Settled or CaseStatus.Terminated)
                {
                    @case.Status = CaseStatus.Paid;
                }

                break;
            case MilestoneKind.Settlement when @case.Status is CaseStatus.InExecution or CaseStatus.Terminated:
                @case.Status = CaseStatus.Settled;
                break;
            case MilestoneKind.Closure:
                @case.Status = CaseStatus.Closed;
                break;
        }
    }

    /// <summary>The built-in Chinese text of each kind, used until the administrator saves one.</summary>
    public static string DefaultTemplate(MilestoneKind kind) => kind switch
    {
        MilestoneKind.AssetSeizure => "【{Court}】您申请执行的{CaseNumber}案件，法院已于{Date}对被执行人财产采取查封、扣押、冻结措施，涉及金额{Amount}元。",
        MilestoneKind.CreditBlacklisting => "【{Court}】您申请执行的{CaseNumber}案件，法院已于{Date}将被执行人纳入失信被执行人名单。",
        MilestoneKind.ConsumptionRestriction => "【{Court}】您申请执行的{CaseNumber}案件，法院已于{Date}对被执行人采取限制消费措施。",
        MilestoneKind.DetentionOrFine => "【{Court}】您申请执行的{CaseNumber}案件，法院已于{Date}对被执行人依法采取拘留、罚款措施，罚款金额{Amount}元。",
        MilestoneKind.Settlement => "【{Court}】您申请执行的{CaseNumber}案件，双方当事人已于{Date}达成执行和解，和解金额{Amount}元。",
        MilestoneKind.PaymentReceived => "【{Court}】您申请执行的{CaseNumber}案件，法院已于{Date}执行到位款项{Amount}元，请留意法院通知办理领款手续。",
        MilestoneKind.Closure => "【{Court}】您申请执行的{CaseNumber}案件已于{Date}执行结案。感谢您对法院工作的支持。",
        _ => "【{Court}】您申请执行的{CaseNumber}案件于{Date}有新的执行进展。",
    };

    /// <summary>Fills a template; the date reads 2026年11月27日, an amount 12,345.00, a missing amount —.</summary>
    public static string Fill(string template, string caseNumber, DateOnly date, decimal? amount, string court) => template
        .Replace("{CaseNumber}", caseNumber, StringComparison.Ordinal)
        .Replace("{Date}", date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{Amount}", amount is { } value ? value.ToString("N2", CultureInfo.InvariantCulture) : "—", StringComparison.Ordinal)
        .Replace("{Court}", court, StringComparison.Ordinal);

    /// <summary>The timeline's line for a milestone: "财产查扣 2026-11-20 8,000.00: 冻结银行存款", the kind named in the recorder's language.</summary>
    public static string Describe(CaseMilestone milestone, string kindName)
    {
        var parts = new List<string> { kindName, milestone.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        if (milestone.Amount is { } amount)
        {
            parts.Add(amount.ToString("N2", CultureInfo.InvariantCulture));
        }

        var text = string.Join(" ", parts);
        return milestone.Note.Length == 0 ? text : $"{text}: {milestone.Note}";
    }

    /// <summary>Every {Word} in the template that is not one of <see cref="Placeholders"/>.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string? template) => string.IsNullOrEmpty(template)
        ? []
        : PlaceholderPattern().Matches(template).Select(m => m.Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex PlaceholderPattern();
}
