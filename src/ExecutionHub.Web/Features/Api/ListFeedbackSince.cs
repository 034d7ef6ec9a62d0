using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// The feedback given since a cursor, oldest first, for the client's court's matters and those it
/// referred. Each feedback is a timeline line (its id only grows), so the feed is in order, a matter
/// returned and fed back again appears again, and a cursor stays valid for ever.
/// </summary>
[ApiScope(ApiScopes.MattersRead)]
public sealed record ListFeedbackSince(long After, int Limit = ListFeedbackSince.DefaultLimit) : IQuery<FeedbackPage>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

public sealed record FeedbackItem(
    int MatterId,
    string Reference,
    string? ClientReference,
    string CaseNumber,
    MatterType Type,
    MatterSource Source,
    MatterStatus Status,
    DateTime FedBackAtUtc,
    MatterOutcome? Outcome,
    string Feedback);

/// <summary><paramref name="NextCursor"/> is what to send as <c>since</c> next time (the same cursor when nothing new came).</summary>
public sealed record FeedbackPage(IReadOnlyList<FeedbackItem> Items, string NextCursor, bool HasMore);

public sealed class ListFeedbackSinceValidator : AbstractValidator<ListFeedbackSince>
{
    public ListFeedbackSinceValidator()
    {
        RuleFor(x => x.After).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Limit).InclusiveBetween(1, ListFeedbackSince.MaxLimit);
    }
}

public sealed class ListFeedbackSinceHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<ListFeedbackSince, FeedbackPage>
{
    public const string FedBackEvent = "Timeline.MatterFedBack";

    public async ValueTask<FeedbackPage> Handle(ListFeedbackSince query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timeline.AsNoTracking()
            .Where(t => t.Id > query.After && t.Event == FedBackEvent && t.MatterId != null)
            .Join(db.Matters, t => t.MatterId, m => m.Id, (t, m) => new { Line = t, Matter = m })
            .Where(x => x.Matter.CourtId == me.CourtId || (me.ApiClientId != null && x.Matter.ApiClientId == me.ApiClientId))
            .OrderBy(x => x.Line.Id)
            .Take(query.Limit + 1)
            .Select(x => new
            {
                x.Line.Id,
                Item = new FeedbackItem(
                    x.Matter.Id, x.Matter.Reference, x.Matter.ClientReference, x.Matter.Case!.CaseNumber, x.Matter.Type, x.Matter.Source,
                    x.Matter.Status, x.Line.AtUtc, x.Matter.Outcome, x.Matter.Feedback ?? ""),
            })
            .ToListAsync(cancellationToken);
        var page = rows.Take(query.Limit).ToList();
        var last = page.Count == 0 ? query.After : page[^1].Id;
        return new FeedbackPage(page.Select(r => r.Item).ToList(), FeedbackCursor.Encode(last), rows.Count > query.Limit);
    }
}

/// <summary>The cursor is opaque to clients: a versioned, base64url-encoded position in the feed.</summary>
public static class FeedbackCursor
{
    private const string Version = "f1:";

    public static string Encode(long after) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Version + after.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long after)
    {
        after = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Version, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Version.Length), NumberStyles.None, CultureInfo.InvariantCulture, out after);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/feedback", async (string? since, int? limit, ISender sender, CancellationToken cancellationToken) =>
            {
                if (!FeedbackCursor.TryDecode(since, out var after))
                {
                    return ApiProblems.Problem(ApiErrorCodes.CursorInvalid);
                }

                return TypedResults.Ok(await sender.Send(new ListFeedbackSince(after, limit ?? ListFeedbackSince.DefaultLimit), cancellationToken));
            })
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.MattersRead))
            .WithName("ListFeedback")
            .WithSummary("Feedback since a cursor")
            .WithDescription("Feedback the workstation gave on this court's matters (and on matters this client referred), oldest first. Start without since; then send the nextCursor of the last page. A matter fed back again after a return appears again.")
            .Produces<FeedbackPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
