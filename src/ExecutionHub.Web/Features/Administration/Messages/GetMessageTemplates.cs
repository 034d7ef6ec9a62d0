using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Messages;

/// <summary>Every milestone kind's SMS template, as saved or else built in, for the administrator to edit.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetMessageTemplates : IQuery<MessageTemplatesView>;

public sealed record MessageTemplateView(MilestoneKind Kind, string Body, bool IsBuiltIn);

/// <summary><see cref="SampleCourt"/> names a real court, so the preview reads like a message that will be sent.</summary>
public sealed record MessageTemplatesView(IReadOnlyList<MessageTemplateView> Templates, string SampleCourt);

public sealed class GetMessageTemplatesHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetMessageTemplates, MessageTemplatesView>
{
    public async ValueTask<MessageTemplatesView> Handle(GetMessageTemplates query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.MessageTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, t => t.Body, cancellationToken);
        var court = await db.Courts.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var templates = Enum.GetValues<MilestoneKind>()
            .Select(kind =>
            {
                var body = saved.GetValueOrDefault(kind) ?? MilestoneRules.DefaultTemplate(kind);
                return new MessageTemplateView(kind, body, body == MilestoneRules.DefaultTemplate(kind));
            })
            .ToList();
        return new MessageTemplatesView(templates, court ?? "某某区人民法院");
    }
}
