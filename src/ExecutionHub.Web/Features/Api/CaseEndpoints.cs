using System.Text.Json.Serialization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;

namespace ExecutionHub.Web.Features.Api;

/// <summary>A case of the client's own court, to register or bring up to date (by its number).</summary>
/// <param name="CaseNumber">The court's own number, e.g. (2025)沪0110执1234号; another court's number is refused.</param>
/// <param name="Street">
/// Where the case is created: a street code of the client's court (GET /api/v1/streets) or a street id, as a number or a string.
/// Required for a new case; on an existing case it may repeat the case's street and nothing else.
/// </param>
/// <param name="Judge">A judge of the client's court: user id, staff number or user name (GET /api/v1/judges). Required for a new case.</param>
/// <param name="Cause">案由, e.g. 民间借贷纠纷. Required for a new case.</param>
/// <param name="Industry">The dispute's industry, for the street's statistics; optional.</param>
/// <param name="AmountOwed">标的金额 in yuan, above 0. Required for a new case.</param>
/// <param name="FiledOn">立案日期 (Asia/Shanghai); a new case without one is filed today.</param>
/// <param name="Parties">Applicants and respondents, merged into those the case has (none is removed).</param>
public sealed record SaveCaseBody(
    string? CaseNumber,
    [property: JsonConverter(typeof(IdOrCodeJsonConverter))] string? Street,
    string? Judge,
    string? Cause,
    string? Industry,
    decimal? AmountOwed,
    DateOnly? FiledOn,
    IReadOnlyList<CasePartyBody>? Parties);

/// <summary>An applicant (申请执行人) or respondent (被执行人) of the case.</summary>
/// <param name="IdentityNumber">A person's resident ID number (its check digit is checked), an organisation's unified social credit code (its check character is checked); optional.</param>
/// <param name="Phones">Mobile (13812345678) or landline (021-65432100) numbers.</param>
public sealed record CasePartyBody(PartyRole? Role, PartyKind? Kind, string? Name, string? IdentityNumber, IReadOnlyList<string>? Phones, IReadOnlyList<string>? Addresses);

/// <param name="Created">True when this request created the case (201), false when it updated one already here (200).</param>
public sealed record CaseSaved(int Id, string CaseNumber, bool Created, string Href);

public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", SaveAsync)
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.MattersWrite))
            .WithName("SaveCase")
            .WithSummary("Register or update a case")
            .WithDescription("Creates a case of the client's own court (its number carries the court's code) or brings the one already here up to date, found by its number: send it again whenever the court's system changes it. A new case needs street, judge, cause and amountOwed; on an existing case a field left out (or null) is kept, and the street cannot change. Parties are merged: one is found by its role and identity number (else its kind and name) and its new phones and addresses added; one not found is added; none is removed. ID numbers and credit codes are checked (check digit, check character). Each change goes on the case's timeline; a request that changes nothing writes nothing, so a retry is harmless. Answers 201 when it created the case, 200 when it updated it. The scope is matters:write: a referral can already create a case, and this is the same trust.")
            .Accepts<SaveCaseBody>("application/json")
            .Produces<CaseSaved>(StatusCodes.Status201Created)
            .Produces<CaseSaved>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/cases/{caseNumber}", GetAsync)
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.MattersRead))
            .WithName("GetCase")
            .WithSummary("Read a case")
            .WithDescription("A case of the client's own court by its number (URL-encoded in the path): cause, amounts, status, filing date, judge and street with their codes, parties with their personal data masked as a matter's target is (a person's name and every identity number), and the case's matters. Another court's case answers 404 case.not_found, exactly like a number that does not exist.")
            .Produces<ClientCaseView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    public static SaveCase ToCommand(SaveCaseBody body) => new()
    {
        CaseNumber = body.CaseNumber?.Trim() ?? "",
        Street = body.Street,
        Judge = body.Judge,
        Cause = body.Cause,
        Industry = body.Industry,
        AmountOwed = body.AmountOwed,
        FiledOn = body.FiledOn,
        Parties = body.Parties?.Select(p => new SaveCaseParty(p.Role ?? 0, p.Kind ?? PartyKind.Person, p.Name, p.IdentityNumber, p.Phones, p.Addresses)).ToList(),
    };

    private static async Task<IResult> SaveAsync(HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<SaveCaseBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var saved = await sender.Send(ToCommand(body!), cancellationToken);
        var answer = new CaseSaved(saved.Id, saved.CaseNumber, saved.Created, Href(saved.CaseNumber));
        return saved.Created ? TypedResults.Created(answer.Href, answer) : TypedResults.Ok(answer);
    }

    public static string Href(string caseNumber) => "/api/v1/cases/" + Uri.EscapeDataString(caseNumber);

    private static async Task<IResult> GetAsync(string caseNumber, ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await sender.Send(new GetClientCase(caseNumber), cancellationToken));
        }
        catch (NotFoundException)
        {
            return ApiProblems.Problem(ApiErrorCodes.CaseNotFound);
        }
    }
}
