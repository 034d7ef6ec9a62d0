using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>The id of a case of the client's own court, by its number; any other is "not found".</summary>
[ApiScope(ApiScopes.MilestonesWrite)]
public sealed record FindClientCase(string CaseNumber) : IQuery<int>;

public sealed class FindClientCaseValidator : AbstractValidator<FindClientCase>
{
    public FindClientCaseValidator() => RuleFor(x => x.CaseNumber).MaximumLength(ExecutionCase.MaxCaseNumberLength);
}

public sealed class FindClientCaseHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser) : IQueryHandler<FindClientCase, int>
{
    public async ValueTask<int> Handle(FindClientCase query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Cases.Named(query.CaseNumber, me.CourtId).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        return id ?? throw new NotFoundException($"Case {query.CaseNumber}");
    }
}

/// <param name="OccurredOn">The day it happened, in Asia/Shanghai.</param>
/// <param name="Amount">Yuan; required for PaymentReceived, Settlement and DetentionOrFine (the fine).</param>
public sealed record MilestoneBody(MilestoneKind? Kind, DateOnly? OccurredOn, decimal? Amount, string? Note);

public sealed record MilestoneCreated(int Id, string CaseNumber);

public static class MilestoneEndpoints
{
    public static RouteGroupBuilder MapMilestoneEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseNumber}/milestones", async (string caseNumber, HttpRequest request, ISender sender, CancellationToken cancellationToken) =>
            {
                var (body, problem) = await ApiBody.ReadAsync<MilestoneBody>(request, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }

                int caseId;
                try
                {
                    caseId = await sender.Send(new FindClientCase(caseNumber), cancellationToken);
                }
                catch (NotFoundException)
                {
                    return ApiProblems.Problem(ApiErrorCodes.CaseNotFound);
                }

                var id = await sender.Send(new RecordMilestone
                {
                    CaseId = caseId,
                    Kind = body!.Kind ?? 0,
                    OccurredOn = body.OccurredOn,
                    Amount = body.Amount,
                    Note = body.Note ?? "",
                }, cancellationToken);
                return TypedResults.Json(new MilestoneCreated(id, caseNumber), statusCode: StatusCodes.Status201Created);
            })
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.MilestonesWrite))
            .WithName("RecordMilestone")
            .Accepts<MilestoneBody>("application/json")
            .WithSummary("Record a case milestone")
            .WithDescription("Records a milestone (asset seizure, credit blacklisting, consumption restriction, detention or fine, settlement, payment received, closure) on a case of this client's court. The case follows it and the applicants are notified by SMS exactly as when a judge records it. The case number goes in the path URL-encoded.")
            .Produces<MilestoneCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }
}
