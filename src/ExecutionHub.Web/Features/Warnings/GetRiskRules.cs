using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>The risk rules as the administrator tunes them, one per kind, each as an editable form.</summary>
[Allowed(Roles.Administrator)]
public sealed record GetRiskRules : IQuery<IReadOnlyList<SaveRiskRule>>;

public sealed class GetRiskRulesHandler(IDbContextFactory<AppDbContext> dbFactory) : IQueryHandler<GetRiskRules, IReadOnlyList<SaveRiskRule>>
{
    public async ValueTask<IReadOnlyList<SaveRiskRule>> Handle(GetRiskRules query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.RiskRules.AsNoTracking().OrderBy(r => r.Kind).ToListAsync(cancellationToken);
        return rules.Select(r => new SaveRiskRule
        {
            Kind = r.Kind,
            Enabled = r.Enabled,
            Threshold = r.Threshold,
            WindowDays = r.WindowDays,
            Percent = r.Percent,
            OrganisationsOnly = r.OrganisationsOnly,
            Severity = r.Severity,
            SuggestedAction = r.SuggestedAction,
        }).ToList();
    }
}

/// <summary>Writes the default rules into a database that has none of a kind; an administrator's changes are never overwritten.</summary>
public static class RiskRuleDefaults
{
    public static async Task EnsureAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var present = await db.RiskRules.Select(r => r.Kind).ToListAsync(cancellationToken);
        var missing = RiskRule.Defaults(clock.GetUtcNow().UtcDateTime).Where(r => !present.Contains(r.Kind)).ToList();
        if (missing.Count > 0)
        {
            db.RiskRules.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
