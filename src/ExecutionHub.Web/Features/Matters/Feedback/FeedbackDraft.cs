using System.Globalization;
using System.Text;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Time;

namespace ExecutionHub.Web.Features.Matters.Feedback;

/// <summary>Prefills the consolidated feedback from the accepted findings, one paragraph per task, in the UI language.</summary>
public static class FeedbackDraft
{
    public static string Compose(IEnumerable<TaskView> tasks)
    {
        var text = new StringBuilder();
        foreach (var task in tasks.Where(t => t.Status == VerificationTaskStatus.Accepted && t.Finding is not null))
        {
            var f = task.Finding!;
            text.AppendLine(CultureInfo.CurrentCulture, $"【{task.HolderName} · {ChinaTime.Format(f.VisitedAtUtc)}】");
            Line(text, "Finding.PersonFound", f.PersonFound is { } found ? UiText.Get(found ? "Common.Yes" : "Common.No") : null);
            Line(text, "Finding.CurrentAddress", f.CurrentAddress);
            Line(text, "Finding.DailyRoutine", f.DailyRoutine);
            Line(text, "Finding.Household", f.Household);
            Line(text, "Finding.Contact", f.Contact);
            Line(text, "Finding.VehicleSeen", f.VehicleSeen is { } seen ? UiText.Get(seen ? "Common.Yes" : "Common.No") : null);
            Line(text, "Finding.VehicleLocation", f.VehicleLocation);
            Line(text, "Finding.VehiclePlate", f.VehiclePlate);
            Line(text, "Finding.Employer", f.Employer);
            Line(text, "Finding.EstimatedMonthlyIncome", f.EstimatedMonthlyIncome?.ToString("N0", CultureInfo.CurrentCulture));
            Line(text, "Finding.IncomeSource", f.IncomeSource);
            Line(text, "Finding.HouseholdMembers", f.HouseholdMembers);
            Line(text, "Finding.Housing", f.Housing);
            Line(text, "Finding.VisibleAssets", f.VisibleAssets);
            Line(text, "Finding.AbilityToPay", f.AbilityToPay);
            Line(text, "Finding.Notes", f.Notes);
            if (task.Evidence.Count > 0)
            {
                Line(text, "Finding.Evidence", string.Join("、", task.Evidence.Select(e => e.FileName)));
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string labelKey, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.AppendLine(string.Format(CultureInfo.CurrentCulture, UiText.Get("Common.LabelValue"), UiText.Get(labelKey), value.Trim()));
        }
    }
}
