using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Window;

/// <summary>
/// Shows a visitor's name and phone in full. Like the party reveals, the audit line is saved
/// before the data is returned: no audit line, no data.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record RevealVisitor(int VisitId) : ICommand<VisitorView>, IWindowVisitRequest;

public sealed record VisitorView(string Name, string Phone);

public sealed class RevealVisitorHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevealVisitor, VisitorView>
{
    public async ValueTask<VisitorView> Handle(RevealVisitor command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visitor = await db.WindowVisits.Where(v => v.Id == command.VisitId)
            .Select(v => new VisitorView(v.VisitorName, v.VisitorPhone))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Window visit {command.VisitId}");
        db.AddAudit(me, clock, "PersonalData.Reveal", $"WindowVisit {command.VisitId}", "Visitor");
        await db.SaveChangesAsync(cancellationToken);
        return visitor;
    }
}
