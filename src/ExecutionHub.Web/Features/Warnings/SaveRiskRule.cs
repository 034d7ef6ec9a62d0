using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>
/// The administrator tunes one risk rule: on or off, its thresholds, severity and suggested action.
/// The next run uses it; warnings already raised keep the evidence they were raised with until a
/// run refreshes them. A mutable class, so the admin page's form binds to it.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed class SaveRiskRule : ICommand
{
    [FieldLabel("Field.RiskRuleKind")]
    public RiskRuleKind Kind { get; set; }
    public bool Enabled { get; set; }
    public int Threshold { get; set; }
    public int WindowDays { get; set; }
    public int Percent { get; set; }
    public bool OrganisationsOnly { get; set; }
    [FieldLabel("Warnings.Severity")]
    public WarningSeverity Severity { get; set; }
    public string SuggestedAction { get; set; } = "";
}

public sealed class SaveRiskRuleValidator : AbstractValidator<SaveRiskRule>
{
    public SaveRiskRuleValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Severity).IsInEnum();
        RuleFor(x => x.Threshold).InclusiveBetween(1, RiskRule.MaxThreshold)
            .WithMessage(_ => string.Format(UiText.Get("Rules.ThresholdRange"), 1, RiskRule.MaxThreshold));
        RuleFor(x => x.WindowDays).InclusiveBetween(0, RiskRule.MaxWindowDays)
            .WithMessage(_ => string.Format(UiText.Get("Rules.WindowRange"), 0, RiskRule.MaxWindowDays));
        RuleFor(x => x.Percent).InclusiveBetween(1, RiskRule.MaxPercent).When(x => x.Kind == RiskRuleKind.IndustrySpike)
            .WithMessage(_ => string.Format(UiText.Get("Rules.PercentRange"), 1, RiskRule.MaxPercent));
        RuleFor(x => x.SuggestedAction).Cascade(CascadeMode.Stop)
            .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage(_ => UiText.Get("Rules.ActionRequired"))
            .Must(a => a.Trim().Length <= RiskRule.MaxActionLength).WithMessage(_ => string.Format(UiText.Get("Rules.ActionTooLong"), RiskRule.MaxActionLength));
    }
}

public sealed class SaveRiskRuleHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveRiskRule>
{
    public async ValueTask<Unit> Handle(SaveRiskRule command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.RiskRules.SingleOrDefaultAsync(r => r.Kind == command.Kind, cancellationToken)
            ?? throw new NotFoundException($"Risk rule {command.Kind}");
        rule.Enabled = command.Enabled;
        rule.Threshold = command.Threshold;
        rule.WindowDays = command.WindowDays;
        rule.Percent = command.Percent;
        rule.OrganisationsOnly = command.OrganisationsOnly;
        rule.Severity = command.Severity;
        rule.SuggestedAction = command.SuggestedAction.Trim();
        rule.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        rule.UpdatedById = me.Id;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
