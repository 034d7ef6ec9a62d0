using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.ReferenceData;
using Mediator;

namespace ExecutionHub.Web.Features.Api;

public static class ReferenceEndpoints
{
    public static RouteGroupBuilder MapReferenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/streets", async (ISender sender, CancellationToken cancellationToken) => TypedResults.Ok(await sender.Send(new ListStreets(), cancellationToken)))
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.ReferenceRead))
            .WithName("ListStreets")
            .WithSummary("The court's streets, communities and grids")
            .WithDescription("Every street of this client's court (no other court's), each with its communities and grids. Each street and community has an id and a code: its administrative division code (街道 9 digits, e.g. 310110002; 社区/居委 12 digits, the street's nine and three more, e.g. 310110002001), or a code the administrator set (letters, digits and hyphens, up to 20) where there is none; code is null until one is set — use the id meanwhile. Codes are unique within the court (streets) and the street (communities). Wherever the API takes a street or a community (the ledger import's street and community column, a referral's case.street), its code works as well as its id. A grid names the id of its community.")
            .Produces<IReadOnlyList<StreetReference>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/judges", async (ISender sender, CancellationToken cancellationToken) => TypedResults.Ok(await sender.Send(new ListJudges(), cancellationToken)))
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.ReferenceRead))
            .WithName("ListJudges")
            .WithSummary("The court's judges")
            .WithDescription("The active judges of this client's court (disabled accounts left out): id, code and the name shown in ExecutionHub, nothing more. code is the judge's staff number (工号) where the administrator set one, else the user name. Wherever the API takes a judge (the ledger import's judge, a referral's case.judge), the id, the staff number and the user name all work.")
            .Produces<IReadOnlyList<JudgeReference>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
