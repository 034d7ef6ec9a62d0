using Microsoft.AspNetCore.Identity;

namespace ExecutionHub.Web.Data;

/// <summary>
/// A signed-in person. Each user is scoped to the org unit their role works in: a judge to a
/// court, a coordinator or street officer to a street, a grid worker to a grid, a partner agent
/// to an agency. Administrators are not scoped.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? CourtId { get; set; }
    public int? StreetId { get; set; }
    public int? GridId { get; set; }
    public Domain.Grid? Grid { get; set; }
    public int? PartnerAgencyId { get; set; }
    public Domain.PartnerAgency? PartnerAgency { get; set; }

    /// <summary>The user's UI language: zh-CN (default) or en.</summary>
    public string Culture { get; set; } = "zh-CN";

    public bool IsDisabled { get; set; }

    /// <summary>The court's staff number (工号) for a court's staff, unique in the court: what other systems name a judge by (else the user name).</summary>
    public string? StaffNumber { get; set; }

    /// <summary>
    /// The account an API client acts as (disabled, no password, no role): matters, milestones and
    /// timeline lines it creates name it like any user. Hidden from the user administration.
    /// </summary>
    public bool IsApiClient { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
