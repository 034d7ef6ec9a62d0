using System.Text.RegularExpressions;

namespace ExecutionHub.Web.Domain;

/// <summary>
/// The codes other systems name streets, communities and judges by, besides their ids. A street's or community's is
/// its administrative division code where one exists (街道 9 digits, e.g. 310110002; 社区/居委 12 digits, the street's
/// nine and three more, e.g. 310110002001), else one the administrator makes up from letters, digits and hyphens.
/// A code of digits only must be a division code: a shorter number would read like an id.
/// A judge's is their staff number (工号) where one is set, else their user name.
/// </summary>
public static partial class OrgCodes
{
    public const int MaxLength = 20;
    public const int StreetDivisionLength = 9;
    public const int CommunityDivisionLength = 12;

    /// <summary>Whether <paramref name="code"/> may be a street's code.</summary>
    public static bool IsStreetCode(string code) => IsCode(code, StreetDivisionLength);

    /// <summary>Whether <paramref name="code"/> may be a community's code.</summary>
    public static bool IsCommunityCode(string code) => IsCode(code, CommunityDivisionLength);

    /// <summary>
    /// Whether a community's division code lies under its street's: when both are division codes, the community's
    /// starts with the street's nine digits. Anything else (either one made up, or missing) fits.
    /// </summary>
    public static bool FitsStreet(string? communityCode, string? streetCode) =>
        communityCode is null || streetCode is null
        || !IsDivisionCode(communityCode, CommunityDivisionLength) || !IsDivisionCode(streetCode, StreetDivisionLength)
        || communityCode.StartsWith(streetCode, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="staffNumber"/> may be a staff number: letters, digits and hyphens, at most <see cref="MaxLength"/>.</summary>
    public static bool IsStaffNumber(string staffNumber) => Code().IsMatch(staffNumber);

    /// <summary>A value as stored: trimmed, and null when blank.</summary>
    public static string? Normalise(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    private static bool IsCode(string code, int divisionLength) =>
        Code().IsMatch(code) && (!Digits().IsMatch(code) || code.Length == divisionLength);

    private static bool IsDivisionCode(string code, int length) => code.Length == length && Digits().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();
}
