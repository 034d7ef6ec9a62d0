using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.Messages;

/// <summary>The administrator rewrites the SMS applicants get for one milestone kind. A mutable class, so the editor's form binds to it.</summary>
[Allowed(Roles.Administrator)]
public sealed class SaveMessageTemplate : ICommand
{
    [FieldLabel("Field.MessageKind")]
    public MilestoneKind Kind { get; set; }
    [FieldLabel("Admin.Templates.Body")]
    public string Body { get; set; } = "";
}

public sealed class SaveMessageTemplateValidator : AbstractValidator<SaveMessageTemplate>
{
    public SaveMessageTemplateValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Body).Cascade(CascadeMode.Stop)
            .Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => UiText.Get("Admin.Templates.Empty"))
            .Must(b => b.Trim().Length <= MilestoneRules.MaxTemplateLength).WithMessage(_ => string.Format(UiText.Get("Admin.Templates.TooLong"), MilestoneRules.MaxTemplateLength))
            .Must(b => MilestoneRules.UnknownPlaceholders(b).Count == 0)
            .WithMessage(x => string.Format(UiText.Get("Admin.Templates.UnknownPlaceholders"), string.Join("、", MilestoneRules.UnknownPlaceholders(x.Body))));
    }
}

public sealed class SaveMessageTemplateHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveMessageTemplate>
{
    public async ValueTask<Unit> Handle(SaveMessageTemplate command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var body = command.Body.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.MessageTemplates.SingleOrDefaultAsync(t => t.Kind == command.Kind, cancellationToken);
        if (template is null)
        {
            db.MessageTemplates.Add(new MessageTemplate { Kind = command.Kind, Body = body });
        }
        else if (template.Body != body)
        {
            template.Body = body;
        }
        else
        {
            return Unit.Value;
        }

        db.AddAudit(me, clock, "Templates.Saved", $"MessageTemplate {command.Kind}", body);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
