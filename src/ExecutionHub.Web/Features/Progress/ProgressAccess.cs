using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Progress;

/// <summary>
/// The one-time codes of the public progress page: six random digits, stored only as a salted
/// PBKDF2 hash, valid for ten minutes, three per applicant per hour, locked after five misses.
/// </summary>
public static partial class ProgressAccess
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxCodesPerHour = 3;
    public const int MaxFailedAttempts = 5;

    private const int Iterations = 50_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"salt.hash", both base64.</summary>
    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(Derive(code, salt))}";
    }

    public static bool Verify(string code, string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 2)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Derive(code, Convert.FromBase64String(parts[0])), Convert.FromBase64String(parts[1]));
    }

    /// <summary>A mobile number as typed (spaces, dashes, a +86 prefix) reduced to its 11 digits.</summary>
    public static string NormalisePhone(string? phone)
    {
        var digits = NonDigits().Replace(phone ?? "", "");
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    public static bool IsMobile(string? phone) => MobilePattern().IsMatch(NormalisePhone(phone));

    /// <summary>The case with that number and its applicant with that phone, or nulls; a single lookup path for both steps.</summary>
    public static async Task<(ExecutionCase? Case, CaseParty? Applicant)> FindAsync(AppDbContext db, string caseNumber, string phone, CancellationToken cancellationToken)
    {
        if (!Domain.CaseNumber.TryParse(caseNumber, out var number))
        {
            return (null, null);
        }

        var text = number.ToString();
        var @case = await db.Cases.Include(c => c.Parties).Include(c => c.Court).SingleOrDefaultAsync(c => c.CaseNumber == text, cancellationToken);
        var wanted = NormalisePhone(phone);
        var applicant = @case?.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant && p.Phones.Any(x => NormalisePhone(x) == wanted));
        return (applicant is null ? null : @case, applicant);
    }

    /// <summary>
    /// Spends the time a real check takes, for a request that matched nothing: without it a quick
    /// refusal would tell a caller that the case number and phone they tried are not on file.
    /// </summary>
    public static void VerifyNothing(string code) => Verify(code, DecoyHash.Value);

    private static readonly Lazy<string> DecoyHash = new(() => Hash(NewCode()));

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(code, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);

    [GeneratedRegex(@"\D")]
    private static partial Regex NonDigits();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}
