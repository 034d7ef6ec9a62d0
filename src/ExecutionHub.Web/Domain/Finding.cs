namespace ExecutionHub.Web.Domain;

/// <summary>
/// What the grid worker (or agency) found on the ground. The fields of the matter's type are
/// filled; the others stay empty. Stored as one JSON document with its task.
/// </summary>
public sealed class Finding
{
    public DateTime VisitedAtUtc { get; set; }
    public string Notes { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    // Whereabouts & routine
    public bool? PersonFound { get; set; }
    public string? CurrentAddress { get; set; }
    public string? DailyRoutine { get; set; }
    public string? Household { get; set; }
    public string? Contact { get; set; }

    // Vehicle
    public bool? VehicleSeen { get; set; }
    public string? VehicleLocation { get; set; }
    public string? VehiclePlate { get; set; }

    // Income
    public string? Employer { get; set; }
    public decimal? EstimatedMonthlyIncome { get; set; }
    public string? IncomeSource { get; set; }

    // Household economic situation
    public string? HouseholdMembers { get; set; }
    public string? Housing { get; set; }
    public string? VisibleAssets { get; set; }
    public string? AbilityToPay { get; set; }

    /// <summary>A copy to edit (a returned finding is corrected, not retyped).</summary>
    public Finding Copy() => (Finding)MemberwiseClone();

    /// <summary>A copy without stray spaces around what was typed.</summary>
    public Finding Trimmed()
    {
        var copy = Copy();
        copy.Notes = Notes.Trim();
        copy.CurrentAddress = CurrentAddress?.Trim();
        copy.DailyRoutine = DailyRoutine?.Trim();
        copy.Household = Household?.Trim();
        copy.Contact = Contact?.Trim();
        copy.VehicleLocation = VehicleLocation?.Trim();
        copy.VehiclePlate = VehiclePlate?.Trim();
        copy.Employer = Employer?.Trim();
        copy.IncomeSource = IncomeSource?.Trim();
        copy.HouseholdMembers = HouseholdMembers?.Trim();
        copy.Housing = Housing?.Trim();
        copy.VisibleAssets = VisibleAssets?.Trim();
        copy.AbilityToPay = AbilityToPay?.Trim();
        return copy;
    }
}
