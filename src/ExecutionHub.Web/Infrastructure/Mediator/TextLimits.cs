namespace ExecutionHub.Web.Infrastructure.Mediator;

/// <summary>
/// Lengths for the texts a request carries where no column or domain rule sets one: every string a request
/// carries has a limit, so no form or API call stores or searches with a megabyte of text.
/// </summary>
public static class TextLimits
{
    /// <summary>A user id (Identity's ids are GUIDs; 450 is the key length Identity gives the column where it sets one).</summary>
    public const int UserId = 450;

    /// <summary>How many user ids one request may name (a meeting's participants, a working group's members).</summary>
    public const int UserIdCount = 200;

    /// <summary>How many phones or addresses one party may carry in one request (a case saved through the API).</summary>
    public const int PartyContactCount = 20;
}
