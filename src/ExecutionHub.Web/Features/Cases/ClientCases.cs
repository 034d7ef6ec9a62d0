using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;

namespace ExecutionHub.Web.Features.Cases;

/// <summary>
/// A case an API client names by its number, looked up in the client's own court: the number as written in the
/// request (any spacing or bracket style <see cref="CaseNumber"/> reads), and 404 for one that is not a case number.
/// </summary>
public static class ClientCases
{
    public static IQueryable<ExecutionCase> Named(this IQueryable<ExecutionCase> cases, string caseNumber, int? courtId)
    {
        if (!CaseNumber.TryParse(caseNumber, out var number))
        {
            throw new NotFoundException($"Case {caseNumber}");
        }

        var text = number.ToString();
        return cases.Where(c => c.CaseNumber == text && c.CourtId == courtId);
    }
}
