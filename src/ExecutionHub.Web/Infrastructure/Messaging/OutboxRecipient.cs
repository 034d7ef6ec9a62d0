using System.Text.RegularExpressions;
using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Infrastructure.Messaging;

/// <summary>Recipients are shown and logged masked when they are phone numbers (PIPL least privilege).</summary>
public static partial class OutboxRecipient
{
    public static string Masked(string recipient) =>
        PhoneLike().IsMatch(recipient) ? PersonalData.MaskPhone(recipient) : recipient;

    /// <summary>A mobile or fixed-line number, optionally with a + prefix: 7 to 15 digits.</summary>
    [GeneratedRegex(@"^\+?[0-9]{7,15}$")]
    private static partial Regex PhoneLike();
}
