namespace ExecutionHub.Web.Domain;

/// <summary>Check digits of China's resident ID number (GB 11643) and unified social credit code (GB 32100).</summary>
public static class IdentityNumbers
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";
    private const string CreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The 18th character of a resident ID number whose first 17 digits are given.</summary>
    public static char ResidentIdCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return IdCheckChars[sum % 11];
    }

    public static bool IsResidentId(string? value) =>
        value is { Length: 18 }
        && value[..17].All(char.IsAsciiDigit)
        && char.ToUpperInvariant(value[17]) == ResidentIdCheckChar(value.AsSpan(0, 17));

    /// <summary>The 18th character of a unified social credit code whose first 17 characters are given.</summary>
    public static char CreditCodeCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCodeChars.IndexOf(first17[i]) * CreditWeights[i];
        }

        return CreditCodeChars[(31 - (sum % 31)) % 31];
    }

    public static bool IsCreditCode(string? value) =>
        value is { Length: 18 }
        && value.All(c => CreditCodeChars.Contains(c))
        && value[17] == CreditCodeCheckChar(value.AsSpan(0, 17));
}
