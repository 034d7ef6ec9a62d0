using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Web.Features.Api;

/// <summary>A referral as another system sends it.</summary>
/// <param name="CaseNumber">
/// A case of the client's own court: its number carries the court's code, e.g. (2025)沪0110执1234号. Numbers of other
/// courts are refused whatever ExecutionHub holds.
/// </param>
/// <param name="Type">The matter type; its own request fields go in <paramref name="Details"/>.</param>
/// <param name="Request">What the court asks for, in its own words.</param>
/// <param name="ClientReference">The caller's own reference, kept with the matter and returned with it.</param>
/// <param name="AllowDuplicate">
/// Refer although an open matter of the same type exists for the same respondent on the case; without it such a
/// referral answers 409 naming that matter.
/// </param>
/// <param name="DuplicateReason">Why, for the new matter's timeline; optional (a default says the client confirmed).</param>
/// <param name="Case">
/// The case, when it is not yet in ExecutionHub: it is created as the court's own record at the named street. Ignored
/// when the court's case is already here.
/// </param>
public sealed record ReferMatterBody(
    string? CaseNumber,
    MatterType? Type,
    string? Request,
    string? ClientReference,
    ReferralTarget? Target,
    MatterDetails? Details,
    bool? AllowDuplicate = null,
    string? DuplicateReason = null,
    ReferralCase? Case = null);

/// <summary>A case new to ExecutionHub, sent with its first referral.</summary>
/// <param name="Street">
/// The street whose workstation handles it (where the respondent lives or works): a street code of the client's court
/// (GET /api/v1/streets) or a street id, as a number or a string.
/// </param>
/// <param name="Judge">The judge of the client's court who handles the case: user id, staff number or user name (GET /api/v1/judges).</param>
/// <param name="Cause">案由, e.g. 民间借贷纠纷.</param>
/// <param name="Industry">The dispute's industry, for the street's statistics; optional.</param>
/// <param name="AmountOwed">标的金额 in yuan, above 0.</param>
public sealed record ReferralCase([property: JsonConverter(typeof(IdOrCodeJsonConverter))] string? Street, string? Judge, string? Cause, string? Industry, decimal? AmountOwed);

/// <summary>The person or organisation to find: an existing respondent of the case by id, or a new one by name.</summary>
public sealed record ReferralTarget(int? PartyId, PartyKind? Kind, string? Name, string? IdentityNumber, string? Phone, string? Address);

public sealed record ReferralCreated(int Id, string Href);

/// <summary>A matter as its referring court sees it through the API; the target's personal data masked.</summary>
public sealed record ApiMatter(
    int Id,
    string Reference,
    string? ClientReference,
    string CaseNumber,
    MatterType Type,
    MatterSource Source,
    MatterStatus Status,
    DateTime ReceivedAtUtc,
    ApiClock Clock,
    ApiTarget Target,
    IReadOnlyList<ApiTask> Tasks,
    ApiFeedback? Feedback);

/// <summary>The 72-hour clock: due time, hours left (negative once overdue), whether it is paused or stopped (fed back, closed, cancelled).</summary>
public sealed record ApiClock(DateTime DueAtUtc, double HoursLeft, bool IsOverdue, double? HoursOverdue, bool IsPaused, DateTime? PausedAtUtc, bool IsStopped, double? FeedbackCycleHours);

public sealed record ApiTarget(PartyKind Kind, string Name, string IdentityNumber);

public sealed record ApiTask(int Id, VerificationTaskStatus Status, DateTime AssignedAtUtc, DateTime DueAtUtc, DateTime? SubmittedAtUtc);

public sealed record ApiFeedback(string Text, MatterOutcome? Outcome, DateTime FedBackAtUtc, DateTime? AcknowledgedAtUtc);

public static class MatterEndpoints
{
    public static RouteGroupBuilder MapMatterEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/matters", ReferAsync)
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.MattersWrite))
            .WithName("ReferMatter")
            .WithSummary("Refer a matter")
            .WithDescription("Refers a matter on a case of the client's own court (its number carries the court's code; another court's number is refused, whatever ExecutionHub holds). A case not yet here is created from `case` as the court's own record at the named street; another court's cases and parties are never reached, and `target.partyId` names a respondent of this very case. At a street of the client's court the matter is ex officio; at another court's street it is an entrustment by another court (OtherCourtEntrustment). The matter arrives received, for the workstation to register. When an open matter of the same type already exists for the same respondent on the case, the answer is 409 with that matter's existingMatterId and existingReference; send \"allowDuplicate\": true (and optionally a duplicateReason for its timeline) to refer another anyway. Send an Idempotency-Key header to make retries safe: a repeat with the same key and body returns the first answer.")
            .Accepts<ReferMatterBody>("application/json")
            .Produces<ReferralCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/matters/{id:int}", GetAsync)
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.MattersRead))
            .WithName("GetMatter")
            .WithSummary("Read a matter")
            .WithDescription("Status, clock, tasks' states and, once fed back, the consolidated feedback. A matter of another court (unless this client referred it) answers 404, exactly like an id that does not exist.")
            .Produces<ApiMatter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    public static RegisterMatter ToCommand(ReferMatterBody body) => new()
    {
        CaseNumber = body.CaseNumber?.Trim() ?? "",
        StreetKey = body.Case?.Street,
        JudgeId = body.Case?.Judge,
        Cause = body.Case?.Cause,
        Industry = body.Case?.Industry,
        AmountOwed = body.Case?.AmountOwed,
        Type = body.Type ?? 0,
        // Provisional, so the shared validator's entrustment rule holds; the handler decides from the case's court.
        Source = body.Type == MatterType.EntrustedInvestigation ? MatterSource.OtherCourtEntrustment : MatterSource.CourtExOfficio,
        Request = body.Request ?? "",
        ClientReference = body.ClientReference,
        TargetPartyId = body.Target?.PartyId,
        TargetKind = body.Target?.Kind ?? PartyKind.Person,
        TargetName = body.Target?.Name,
        TargetIdentityNumber = body.Target?.IdentityNumber,
        TargetPhone = body.Target?.Phone,
        TargetAddress = body.Target?.Address,
        Details = body.Details ?? new MatterDetails(),
        AllowDuplicate = body.AllowDuplicate == true,
        DuplicateReason = body.AllowDuplicate != true ? null
            : string.IsNullOrWhiteSpace(body.DuplicateReason) ? UiText.Get("Api.DuplicateConfirmedByClient") : body.DuplicateReason,
    };

    private static async Task<IResult> ReferAsync(HttpContext http, ISender sender, IdempotencyStore idempotency, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<ReferMatterBody>(http.Request, cancellationToken, ("details", typeof(MatterDetails)), ("case", typeof(ReferralCase)));
        if (problem is not null)
        {
            return problem;
        }

        var key = http.Request.Headers[IdempotencyStore.HeaderName].ToString().Trim();
        if (key.Length == 0)
        {
            return Created(await ReferOnceAsync(body!, sender, cancellationToken), http);
        }

        if (key.Length > IdempotencyStore.MaxKeyLength)
        {
            return ApiProblems.Problem(ApiErrorCodes.IdempotencyKeyTooLong);
        }

        var me = ScopeClaims.ToUserContext(http.User);
        var hash = IdempotencyStore.HashRequest(HttpMethods.Post, "/api/v1/matters", JsonSerializer.Serialize(body, ApiProblems.Json));
        switch (await idempotency.ClaimAsync(me.ApiClientId!.Value, key, hash, cancellationToken))
        {
            case IdempotencyStore.Answered answered:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Json(answered.Body, answered.StatusCode, http);
            case IdempotencyStore.Mismatch:
                return ApiProblems.Problem(ApiErrorCodes.IdempotencyKeyReused);
            case IdempotencyStore.Claimed claimed:
                string created;
                try
                {
                    created = await ReferOnceAsync(body!, sender, cancellationToken);
                }
                catch
                {
                    await idempotency.ReleaseAsync(claimed.Id);
                    throw;
                }

                await idempotency.CompleteAsync(claimed.Id, StatusCodes.Status201Created, created, CancellationToken.None);
                return Created(created, http);
            default:
                return ApiProblems.Problem(ApiErrorCodes.IdempotencyInProgress);
        }
    }

    private static async Task<string> ReferOnceAsync(ReferMatterBody body, ISender sender, CancellationToken cancellationToken)
    {
        var id = await sender.Send(ToCommand(body), cancellationToken);
        return JsonSerializer.Serialize(new ReferralCreated(id, Href(id)), ApiProblems.Json);
    }

    private static string Href(int id) => "/api/v1/matters/" + id.ToString(CultureInfo.InvariantCulture);

    private static IResult Created(string json, HttpContext http) => Json(json, StatusCodes.Status201Created, http);

    private static IResult Json(string json, int status, HttpContext http)
    {
        if (status == StatusCodes.Status201Created && JsonSerializer.Deserialize<ReferralCreated>(json, ApiProblems.Json) is { } created)
        {
            http.Response.Headers.Location = created.Href;
        }

        return TypedResults.Content(json, "application/json", Encoding.UTF8, status);
    }

    private static async Task<IResult> GetAsync(int id, ISender sender, CancellationToken cancellationToken)
    {
        MatterView matter;
        try
        {
            matter = await sender.Send(new GetMatter(id), cancellationToken);
        }
        catch (Exception ex) when (ex is RequestRefusedException or NotFoundException)
        {
            // Another court's matter and a missing one look the same: ids of other courts do not leak.
            return ApiProblems.Problem(ApiErrorCodes.NotFound);
        }

        return TypedResults.Ok(ToApi(matter));
    }

    public static ApiMatter ToApi(MatterView m)
    {
        var hoursLeft = m.Clock.TimeLeft.TotalHours;
        var fedBack = m.Status is MatterStatus.FedBack or MatterStatus.Closed && m.Feedback is not null && m.FedBackAtUtc is not null;
        return new ApiMatter(
            m.Id,
            m.Reference,
            m.ClientReference,
            m.CaseNumber,
            m.Type,
            m.Source,
            m.Status,
            m.ReceivedAtUtc,
            new ApiClock(
                m.DueAtUtc,
                Math.Round(hoursLeft, 2),
                m.Clock.IsOverdue,
                m.Clock.IsOverdue ? Math.Round(-hoursLeft, 2) : null,
                m.Clock.IsPaused,
                m.PausedAtUtc,
                m.Clock.IsStopped,
                m.Clock.FeedbackCycle is { } cycle ? Math.Round(cycle.TotalHours, 2) : null),
            new ApiTarget(m.Target.Kind, m.Target.Name, m.Target.IdentityNumber),
            m.Tasks.Select(t => new ApiTask(t.Id, t.Status, t.AssignedAtUtc, t.DueAtUtc, t.SubmittedAtUtc)).ToList(),
            fedBack ? new ApiFeedback(m.Feedback!, m.Outcome, m.FedBackAtUtc!.Value, m.AcknowledgedAtUtc) : null);
    }
}
