using System.Text.RegularExpressions;

namespace ExecutionHub.Web.Domain;

/// <summary>A people's court whose execution bureau refers matters. <see cref="CaseCode"/> is the
/// court's code inside case numbers, e.g. 沪0110 for 杨浦区人民法院.</summary>
public sealed partial class Court
{
    /// <summary>Whether <paramref name="code"/> has the shape of a court code: one province character and four ASCII digits.</summary>
    public static bool IsCaseCode(string? code) => code is not null && CaseCodePattern().IsMatch(code);

    [GeneratedRegex(@"^[\u4e00-\u9fa5][0-9]{4}$")]
    private static partial Regex CaseCodePattern();

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string CaseCode { get; set; }
    public List<Street> Streets { get; set; } = [];
}

/// <summary>A street office (街道) hosting an execution affairs workstation in its governance centre.</summary>
public sealed class Street
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The street's stable code for other systems (<see cref="OrgCodes"/>), unique in its court; null until one is set.</summary>
    public string? Code { get; set; }
    public int CourtId { get; set; }
    public Court? Court { get; set; }
    public List<Community> Communities { get; set; } = [];
}

/// <summary>
/// A unit inside a street, which the street's own coordinator maintains: a <see cref="Community"/>
/// in its street or a <see cref="Grid"/> in its community. Both are created, renamed and deleted alike.
/// </summary>
public interface IStreetUnit
{
    int Id { get; }
    string Name { get; set; }

    /// <summary>Where the unit is: a community's street, a grid's community.</summary>
    int ParentId { get; }
}

/// <summary>A residents' committee (社区/居委) within a street.</summary>
public sealed class Community : IStreetUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The community's stable code for other systems (<see cref="OrgCodes"/>), unique in its street; null until one is set.</summary>
    public string? Code { get; set; }
    public int StreetId { get; set; }
    public Street? Street { get; set; }
    public List<Grid> Grids { get; set; } = [];

    int IStreetUnit.ParentId => StreetId;
}

/// <summary>A grid (网格): the patch of a community that its grid workers know on foot.</summary>
public sealed class Grid : IStreetUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }

    int IStreetUnit.ParentId => CommunityId;
}

public enum WorkingGroupKind
{
    ExecutionInvestigation = 1,
    DisputeResolution = 2,
    ExecutionPublicity = 3,
    HearingAndRelief = 4,
}

/// <summary>One of the four working groups of a workstation's "4+1+X" organisation.</summary>
public sealed class WorkingGroup
{
    public int Id { get; set; }
    public WorkingGroupKind Kind { get; set; }
    public required string Name { get; set; }
    public int StreetId { get; set; }
    public Street? Street { get; set; }
    public List<WorkingGroupMember> Members { get; set; } = [];
}

/// <summary>The four working groups every workstation has, created with its street.</summary>
public static class StandardWorkingGroups
{
    public static readonly IReadOnlyList<(WorkingGroupKind Kind, string Name)> All =
    [
        (WorkingGroupKind.ExecutionInvestigation, "执行调查组"),
        (WorkingGroupKind.DisputeResolution, "多元解纷组"),
        (WorkingGroupKind.ExecutionPublicity, "执行宣传组"),
        (WorkingGroupKind.HearingAndRelief, "听证救助组"),
    ];
}

public sealed class WorkingGroupMember
{
    public int WorkingGroupId { get; set; }
    public required string UserId { get; set; }
}

public enum PartnerAgencyKind
{
    Police = 1,
    Procuratorate = 2,
    JusticeBureau = 3,
    HumanResourcesAndSocialSecurity = 4,
    Other = 9,
}

/// <summary>The "X" of 4+1+X: an agency that answers verification tasks in its domain.</summary>
public sealed class PartnerAgency
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PartnerAgencyKind Kind { get; set; }
    public int CourtId { get; set; }
    public Court? Court { get; set; }
}
