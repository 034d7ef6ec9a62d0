using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Matters;

/// <summary>
/// A case party as a page shows it. Every view that lists parties (a matter, a case, the case
/// lookup while registering) builds it <see cref="Masked"/>; only an audited reveal builds it <see cref="InFull"/>.
/// </summary>
public sealed record PartyView(int Id, PartyKind Kind, string Name, string IdentityNumber, IReadOnlyList<string> Phones, IReadOnlyList<string> Addresses)
{
    /// <summary>Masked by default: a person's name, ID number, phones and addresses; an organisation's name stays.</summary>
    public static PartyView Masked(CaseParty party) => new(
        party.Id,
        party.Kind,
        PersonalData.MaskPartyName(party.Kind, party.Name),
        PersonalData.MaskIdentityNumber(party.IdentityNumber),
        party.Phones.Select(PersonalData.MaskPhone).ToList(),
        party.Addresses.Select(PersonalData.MaskAddress).ToList());

    /// <summary>In full, for an audited reveal only.</summary>
    public static PartyView InFull(CaseParty party) => new(party.Id, party.Kind, party.Name, party.IdentityNumber, party.Phones, party.Addresses);
}
