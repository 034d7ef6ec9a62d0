using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.ReferenceData;

/// <summary>
/// The sender's court's active judges, to name one for a new case: id, code (staff number, else user name) and the
/// name shown in the app. Nothing else about them (no phone, no e-mail, no role history).
/// </summary>
[ApiScope(ApiScopes.ReferenceRead)]
public sealed record ListJudges : IQuery<IReadOnlyList<JudgeReference>>;

public sealed record JudgeReference(string Id, string Code, string Name);

public sealed class ListJudgesHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : IQueryHandler<ListJudges, IReadOnlyList<JudgeReference>>
{
    public async ValueTask<IReadOnlyList<JudgeReference>> Handle(ListJudges query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var courtId = me.CourtId ?? throw new RequestRefusedException("Error.NotAllowed", "no court");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var judges = await OrgReferences.Judges(db, courtId).AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.StaffNumber, u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        return judges.Select(j => new JudgeReference(j.Id, OrgReferences.JudgeCode(j.StaffNumber, j.UserName), j.DisplayName)).ToList();
    }
}
