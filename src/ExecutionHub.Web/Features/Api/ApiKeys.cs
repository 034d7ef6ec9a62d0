using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// API keys: <c>ehk_</c>, eight characters that identify the key in lists and logs, an underscore,
/// and 32 random bytes (base64url). Only the SHA-256 of the whole key is stored; 256 random bits
/// need no slow hash, and a lookup by hash needs no per-key salt.
/// </summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";
    private const string Marker = "ehk_";

    public sealed record NewKey(string Key, string Prefix, string Hash);

    public static NewKey Generate()
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = $"{Marker}{id}_{secret}";
        return new NewKey(key, PrefixOf(key), Hash(key));
    }

    /// <summary>The part shown to people: the marker and the identifying characters.</summary>
    public static string PrefixOf(string key) => key.Length > Marker.Length + 8 ? key[..(Marker.Length + 8)] : key;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
