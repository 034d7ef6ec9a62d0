using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.ReferenceData;

/// <summary>
/// Finds a court's street, community or judge by what another system knows it by: its code (<see cref="OrgCodes"/>)
/// or its id. Only the named court's units are found, so another court's code or id reads exactly like an unknown
/// one. A code wins over an id (a code of digits is a 9- or 12-digit division code, longer than any id in use).
/// </summary>
public static class OrgReferences
{
    /// <summary>The court's street whose code, else id, is <paramref name="key"/>; null when it has none.</summary>
    public static async Task<Street?> StreetAsync(AppDbContext db, int courtId, string? key, CancellationToken cancellationToken)
    {
        var text = key?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        var id = IdOf(text);
        var found = await db.Streets.AsNoTracking()
            .Where(s => s.CourtId == courtId && (s.Code == text || s.Id == id))
            .ToListAsync(cancellationToken);
        return found.FirstOrDefault(s => s.Code == text) ?? found.FirstOrDefault();
    }

    /// <summary>
    /// The street a referral names: the court's street by code or id, else, by id only, another court's street (an
    /// entrustment from this court to that street); null when neither.
    /// </summary>
    public static async Task<int?> ReferralStreetIdAsync(AppDbContext db, int courtId, string? key, CancellationToken cancellationToken)
    {
        if ((await StreetAsync(db, courtId, key, cancellationToken))?.Id is { } own)
        {
            return own;
        }

        var id = IdOf(key?.Trim() ?? "");
        return id == 0 ? null : await db.Streets.Where(s => s.Id == id).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The active judges of a court: its people, not disabled. A judge is the one role scoped to a court
    /// (<see cref="Roles.ScopeOf"/>; a change of role clears the court), so the court's people are its judges; the
    /// accounts API clients act as are not people.
    /// </summary>
    public static IQueryable<AppUser> Judges(AppDbContext db, int courtId) =>
        db.Users.Where(u => u.CourtId == courtId && !u.IsDisabled && !u.IsApiClient);

    /// <summary>
    /// The id of the court's active judge whose user id, staff number or user name (in that order) is <paramref name="key"/>;
    /// null when none is.
    /// </summary>
    public static async Task<string?> JudgeIdAsync(AppDbContext db, int courtId, string? key, CancellationToken cancellationToken)
    {
        var text = key?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        var normalised = text.ToUpperInvariant();
        var found = await Judges(db, courtId)
            .Where(u => u.Id == text || u.StaffNumber == text || u.NormalizedUserName == normalised || u.UserName == text)
            .Select(u => new { u.Id, u.StaffNumber })
            .ToListAsync(cancellationToken);
        return (found.FirstOrDefault(u => u.Id == text) ?? found.FirstOrDefault(u => u.StaffNumber == text) ?? found.FirstOrDefault())?.Id;
    }

    /// <summary>What a judge is known by to other systems: the staff number, else the user name.</summary>
    public static string JudgeCode(string? staffNumber, string? userName) => staffNumber ?? userName ?? "";

    private static int IdOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
