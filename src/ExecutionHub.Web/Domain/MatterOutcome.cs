namespace ExecutionHub.Web.Domain;

/// <summary>The conclusion the workstation reports with its feedback: was the person found, was the clue confirmed.</summary>
public enum MatterOutcome
{
    Found = 1,
    NotFound = 2,
    Confirmed = 3,
    PartlyConfirmed = 4,
    NotConfirmed = 5,
}

public static class MatterOutcomes
{
    private static readonly MatterOutcome[] PersonOutcomes = [MatterOutcome.Found, MatterOutcome.NotFound];
    private static readonly MatterOutcome[] ClueOutcomes = [MatterOutcome.Confirmed, MatterOutcome.PartlyConfirmed, MatterOutcome.NotConfirmed];

    /// <summary>The conclusions a matter of this type can report; empty when its feedback has none.</summary>
    public static IReadOnlyList<MatterOutcome> AllowedFor(MatterType type) => type switch
    {
        MatterType.DebtorWhereabouts or MatterType.HouseholdSurvey or MatterType.EntrustedInvestigation => PersonOutcomes,
        MatterType.AssetClueVerification or MatterType.PropertyClueTransfer => ClueOutcomes,
        _ => [],
    };

    /// <summary>The two headline types must say what they concluded: the dashboard counts them by it.</summary>
    public static bool IsRequiredFor(MatterType type) => type is MatterType.DebtorWhereabouts or MatterType.AssetClueVerification;

    /// <summary>
    /// What the accepted findings point to, for the coordinator to confirm or change: a person
    /// seen by anyone is found; clues seen by every visit are confirmed, by some partly.
    /// </summary>
    public static MatterOutcome? Suggest(MatterType type, IEnumerable<Finding> findings)
    {
        var allowed = AllowedFor(type);
        var answers = findings.Select(Answer).OfType<bool>().ToList();
        if (allowed.Count == 0 || answers.Count == 0)
        {
            return null;
        }

        if (allowed.Contains(MatterOutcome.Found))
        {
            return answers.Contains(true) ? MatterOutcome.Found : MatterOutcome.NotFound;
        }

        return answers.All(a => a) ? MatterOutcome.Confirmed : answers.Contains(true) ? MatterOutcome.PartlyConfirmed : MatterOutcome.NotConfirmed;
    }

    private static bool? Answer(Finding finding) =>
        finding.PersonFound ?? finding.VehicleSeen ?? (finding.EstimatedMonthlyIncome is { } income ? income > 0 : null);

    public static bool IsValidFor(MatterType type, MatterOutcome? outcome) =>
        outcome is { } value ? AllowedFor(type).Contains(value) : !IsRequiredFor(type);
}
