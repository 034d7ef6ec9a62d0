namespace ExecutionHub.Web.Domain;

public enum MatterType
{
    DebtorWhereabouts = 1,
    AssetClueVerification = 2,
    HouseholdSurvey = 3,
    PropertyClueTransfer = 4,
    JudicialRelief = 5,
    ResumeExecution = 6,
    EntrustedInvestigation = 7,
}

public enum MatterSource
{
    CourtExOfficio = 1,
    PartyApplication = 2,
    OtherCourtEntrustment = 3,
}

/// <summary>received → registered → dispatched → consolidated → fed back → closed; cancelled from any open state.</summary>
public enum MatterStatus
{
    Received = 1,
    Registered = 2,
    Dispatched = 3,
    Consolidated = 4,
    FedBack = 5,
    Closed = 6,
    Cancelled = 7,
}

public enum AssetClueKind
{
    Vehicle = 1,
    Income = 2,
    RealEstate = 3,
    Business = 4,
    Other = 9,
}
