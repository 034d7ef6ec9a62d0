namespace ExecutionHub.Web.Domain;

/// <summary>
/// What the court asks for, with the fields of the matter's type filled and the others empty.
/// Stored as one JSON document with the matter.
/// </summary>
public sealed class MatterDetails
{
    /// <summary>The longest text each kind of field takes; the validators and the API refuse longer ones.</summary>
    public const int MaxAddressesLength = 500;
    public const int MaxTextLength = 1000;
    public const int MaxNameLength = 100;
    public const int MaxShortLength = 50;
    public const int MaxPlateLength = 10;
    public const int MaxCaseNumberLength = 40;

    // Debtor whereabouts & routine
    public string? LastKnownAddresses { get; set; }
    public string? CourtAlreadyTried { get; set; }

    // Asset clue verification
    public AssetClueKind? ClueKind { get; set; }
    public string? VehiclePlate { get; set; }
    public string? VehicleModel { get; set; }
    public string? Employer { get; set; }
    public string? Position { get; set; }
    public string? ClueDescription { get; set; }

    // Entrusted investigation from another court
    public string? RequestingCourt { get; set; }
    public string? RequestingCaseNumber { get; set; }
    public string? LetterReference { get; set; }

    // Judicial relief / resume execution
    public string? ApplicantHardship { get; set; }
    public decimal? AmountRequested { get; set; }
    public string? NewAssetClue { get; set; }

    /// <summary>The fields each type asks for (as its registration form shows them); a type not listed asks for none.</summary>
    private static readonly Dictionary<MatterType, string[]> FieldsByType = new()
    {
        [MatterType.DebtorWhereabouts] = [nameof(LastKnownAddresses), nameof(CourtAlreadyTried)],
        [MatterType.AssetClueVerification] = [nameof(ClueKind), nameof(VehiclePlate), nameof(VehicleModel), nameof(Employer), nameof(Position), nameof(ClueDescription)],
        [MatterType.PropertyClueTransfer] = [nameof(ClueDescription)],
        [MatterType.EntrustedInvestigation] = [nameof(RequestingCourt), nameof(RequestingCaseNumber), nameof(LetterReference)],
        [MatterType.JudicialRelief] = [nameof(ApplicantHardship), nameof(AmountRequested)],
        [MatterType.ResumeExecution] = [nameof(NewAssetClue)],
    };

    /// <summary>Whether a matter of <paramref name="type"/> asks for the field named <paramref name="field"/>.</summary>
    public static bool Uses(MatterType type, string field) =>
        FieldsByType.TryGetValue(type, out var fields) && fields.Contains(field, StringComparer.Ordinal);

    /// <summary>The names of the fields that carry a value.</summary>
    public IEnumerable<string> FilledFields() =>
        new (string Name, bool Filled)[]
        {
            (nameof(LastKnownAddresses), !string.IsNullOrEmpty(LastKnownAddresses)),
            (nameof(CourtAlreadyTried), !string.IsNullOrEmpty(CourtAlreadyTried)),
            (nameof(ClueKind), ClueKind is not null),
            (nameof(VehiclePlate), !string.IsNullOrEmpty(VehiclePlate)),
            (nameof(VehicleModel), !string.IsNullOrEmpty(VehicleModel)),
            (nameof(Employer), !string.IsNullOrEmpty(Employer)),
            (nameof(Position), !string.IsNullOrEmpty(Position)),
            (nameof(ClueDescription), !string.IsNullOrEmpty(ClueDescription)),
            (nameof(RequestingCourt), !string.IsNullOrEmpty(RequestingCourt)),
            (nameof(RequestingCaseNumber), !string.IsNullOrEmpty(RequestingCaseNumber)),
            (nameof(LetterReference), !string.IsNullOrEmpty(LetterReference)),
            (nameof(ApplicantHardship), !string.IsNullOrEmpty(ApplicantHardship)),
            (nameof(AmountRequested), AmountRequested is not null),
            (nameof(NewAssetClue), !string.IsNullOrEmpty(NewAssetClue)),
        }.Where(f => f.Filled).Select(f => f.Name);

    /// <summary>Empties the fields <paramref name="type"/> does not ask for (what a form left behind when its type changed).</summary>
    public void KeepOnlyFieldsOf(MatterType type)
    {
        foreach (var field in FilledFields().Where(f => !Uses(type, f)).ToList())
        {
            typeof(MatterDetails).GetProperty(field)!.SetValue(this, null);
        }
    }
}
