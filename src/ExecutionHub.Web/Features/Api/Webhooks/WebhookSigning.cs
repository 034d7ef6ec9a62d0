using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace ExecutionHub.Web.Features.Api.Webhooks;

/// <summary>
/// Webhook signatures: <c>X-ExecutionHub-Signature: sha256=&lt;hex&gt;</c>, the lower-case hex
/// HMAC-SHA256 of the UTF-8 string <c>{X-ExecutionHub-Timestamp}.{body}</c> keyed with the UTF-8
/// bytes of the client's whole signing secret (<c>whsec_…</c>). The timestamp is in the signed
/// string so a receiver can refuse an old request replayed later.
/// </summary>
public static class WebhookSigning
{
    public const string SignatureHeader = "X-ExecutionHub-Signature";
    public const string TimestampHeader = "X-ExecutionHub-Timestamp";
    public const string EventIdHeader = "X-ExecutionHub-Event-Id";
    public const string EventTypeHeader = "X-ExecutionHub-Event";
    private const string Marker = "whsec_";

    public static string NewSecret() =>
        Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, long unixSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

/// <summary>
/// Keeps webhook secrets encrypted at rest with ASP.NET Data Protection (its keys are in the
/// application database, shared by every instance). Unlike API keys they cannot be hashed: the
/// sender needs the secret itself to compute each HMAC.
/// </summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("ExecutionHub.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
