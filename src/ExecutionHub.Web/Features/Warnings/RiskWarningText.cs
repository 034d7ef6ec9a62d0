using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>
/// A warning's title and evidence as sentences, in the current UI culture, aggregate only: counts,
/// amounts, industry, tag, window. A count of 1 or 2 is shown as "&lt;3" and the amount of fewer
/// than 3 cases is left out, as in the street statistics; no name, ID number or case number is ever
/// part of a warning, so none can appear here.
/// </summary>
public static class RiskWarningText
{
    public static string Title(RiskWarning w) => w.Rule switch
    {
        RiskRuleKind.IndustrySpike => Format("Warning.Title.IndustrySpike", w.Industry ?? ""),
        RiskRuleKind.TaggedCases => Format("Warning.Title.TaggedCases", TagName(w.Tag)),
        _ => UiText.Get($"Warning.Title.{w.Rule}"),
    };

    public static string Evidence(RiskWarning w)
    {
        var text = w.Rule switch
        {
            RiskRuleKind.RepeatRespondent => w.WindowDays > 0
                ? Format("Warning.Evidence.RepeatRespondent", Subject(w.RespondentKind), w.WindowDays, Count(w.CaseCount))
                : Format("Warning.Evidence.RepeatRespondentAll", Subject(w.RespondentKind), Count(w.CaseCount)),
            RiskRuleKind.MassDispute => Format("Warning.Evidence.MassDispute", Count(w.ApplicantCount), Subject(w.RespondentKind), Count(w.CaseCount)),
            RiskRuleKind.IndustrySpike => Format("Warning.Evidence.IndustrySpike", w.Industry ?? "", Count(w.CaseCount), Count(w.PreviousCount))
                + (w.PreviousCount >= SuppressedCount.Threshold
                    ? Format("Warning.Evidence.Increase", Math.Round((w.CaseCount - w.PreviousCount) * 100m / w.PreviousCount, 0))
                    : ""),
            RiskRuleKind.TaggedCases => Format("Warning.Evidence.TaggedCases", TagName(w.Tag), Count(w.CaseCount)),
            _ => "",
        };
        if (w.Industry is { Length: > 0 } industry && w.Rule is RiskRuleKind.RepeatRespondent or RiskRuleKind.MassDispute)
        {
            text += Format("Warning.Evidence.Industry", industry);
        }

        if (w.CaseCount >= SuppressedCount.Threshold)
        {
            text += Format("Warning.Evidence.Amount", Format("Common.Yuan", w.AmountOwed));
        }

        return text + UiText.Get("Warning.Evidence.End");
    }

    /// <summary>"2026年第4季度" / "2026 Q4".</summary>
    public static string Period(RiskWarning w) => Format("Warning.Quarter", w.PeriodStart.Year, LocalDay.Quarter(w.PeriodStart));

    public static string TagName(CaseTags tag) => UiText.Get($"CaseTag.{tag}");

    /// <summary>The tags of a case by name, joined: "城市更新、群体性".</summary>
    public static string TagNames(CaseTags tags) =>
        string.Join(UiText.Get("Common.ListSeparator"), Enum.GetValues<CaseTags>().Where(t => t != CaseTags.None && tags.HasFlag(t)).Select(TagName));

    private static string Subject(PartyKind? kind) => UiText.Get(kind == PartyKind.Organisation ? "Warning.Subject.Organisation" : "Warning.Subject.Person");

    private static string Count(int value) => new SuppressedCount(value).ToString();

    private static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, UiText.Get(key), args);
}
