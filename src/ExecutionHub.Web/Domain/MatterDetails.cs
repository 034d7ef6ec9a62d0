namespace ExecutionHub.Web.Domain;

/// <summary>
/// What the court asks for, with the fields of the matter's type filled and the others empty.
/// Stored as one JSON document with the matter.
/// </summary>
public sealed class MatterDetails
{
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
}
