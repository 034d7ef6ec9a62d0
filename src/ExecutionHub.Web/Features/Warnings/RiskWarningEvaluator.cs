using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Infrastructure.Notifications;
using ExecutionHub.Web.Infrastructure.Time;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Warnings;

/// <summary>
/// Runs the enabled risk rules over one street or all, and records what they find as warnings of
/// the current quarter: a new condition becomes a new warning (and a bell notification to the
/// street's coordinators, saved with it); a condition found again refreshes its open warning's
/// evidence; a closed warning stays closed for the rest of its quarter. The unique warning key
/// makes a concurrent or repeated run harmless. Called by the daily job, the "run now" command
/// and at start-up.
/// </summary>
public sealed class RiskWarningEvaluator(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, INotificationSignal signal, ILogger<RiskWarningEvaluator> logger)
{
    public const string JobId = "risk-warnings";

    public sealed record Result(int Created, int Refreshed);

    /// <summary>The Hangfire entry point: every street.</summary>
    [JobDisplayName("Risk warnings (every street)")]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken) => await RunAsync(null, cancellationToken);

    /// <param name="notify">False only for the demo seeding's run: seeded warnings are history, not news for anyone's bell.</param>
    public async Task<Result> RunAsync(int? streetId, CancellationToken cancellationToken, bool notify = true)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.RiskRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
        var streets = await db.Streets.Where(s => streetId == null || s.Id == streetId).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var (created, refreshed) = (0, 0);
        var notified = new HashSet<string>(StringComparer.Ordinal);
        foreach (var street in streets)
        {
            var findings = new List<Finding>();
            foreach (var rule in rules)
            {
                findings.AddRange(await FindAsync(db, rule, street, today, cancellationToken));
            }

            var (c, r, people) = await RecordAsync(street, findings, notify, cancellationToken);
            created += c;
            refreshed += r;
            notified.UnionWith(people);
        }

        signal.Raise(notified);
        logger.LogInformation("Risk warnings: {Created} new, {Refreshed} refreshed", created, refreshed);
        return new Result(created, refreshed);
    }

    /// <summary>What one rule found in one street: the warning it asks for, before it is recorded.</summary>
    internal sealed record Finding(RiskRule Rule, string Subject, int CaseCount, int ApplicantCount, int PreviousCount, decimal Amount,
        string? Industry, CaseTags Tag, PartyKind? Kind, int? PartyId);

    private static readonly CaseStatus[] Open = [CaseStatus.InExecution, CaseStatus.Settled];

    internal static async Task<IReadOnlyList<Finding>> FindAsync(AppDbContext db, RiskRule rule, int streetId, DateOnly today, CancellationToken cancellationToken)
    {
        var cases = db.Cases.Where(c => c.StreetId == streetId);
        var since = rule.WindowDays > 0 ? today.AddDays(-rule.WindowDays) : DateOnly.MinValue;
        switch (rule.Kind)
        {
            case RiskRuleKind.RepeatRespondent:
            {
                var rows = await RespondentRowsAsync(db, cases, since, cancellationToken);
                return rows.Where(r => !rule.OrganisationsOnly || r.Kind == PartyKind.Organisation)
                    .GroupBy(r => r.IdentityNumber)
                    .Select(g => (Subject: g.Key, Cases: g.DistinctBy(r => r.CaseId).ToList(), First: g.OrderBy(r => r.PartyId).First()))
                    .Where(g => g.Cases.Count >= rule.Threshold)
                    .Select(g => new Finding(rule, g.Subject, g.Cases.Count, 0, 0, g.Cases.Sum(c => c.Owed), CommonIndustry(g.Cases), CaseTags.None, g.First.Kind, g.First.PartyId))
                    .ToList();
            }

            case RiskRuleKind.MassDispute:
            {
                var rows = await RespondentRowsAsync(db, cases, since, cancellationToken);
                var caseIds = rows.Select(r => r.CaseId).Distinct().ToList();
                var applicants = (await db.CaseParties.Where(p => p.Role == PartyRole.Applicant && caseIds.Contains(p.CaseId))
                        .Select(p => new { p.CaseId, p.IdentityNumber }).ToListAsync(cancellationToken))
                    .ToLookup(p => p.CaseId, p => p.IdentityNumber);
                return rows.GroupBy(r => r.IdentityNumber)
                    .Select(g => (Subject: g.Key, Cases: g.DistinctBy(r => r.CaseId).ToList(), First: g.OrderBy(r => r.PartyId).First()))
                    .Select(g => (g.Subject, g.Cases, g.First, Applicants: g.Cases.SelectMany(c => applicants[c.CaseId]).Distinct(StringComparer.Ordinal).Count()))
                    .Where(g => g.Applicants >= rule.Threshold)
                    .Select(g => new Finding(rule, g.Subject, g.Cases.Count, g.Applicants, 0, g.Cases.Sum(c => c.Owed), CommonIndustry(g.Cases), CaseTags.None, g.First.Kind, g.First.PartyId))
                    .ToList();
            }

            case RiskRuleKind.IndustrySpike:
            {
                var (start, _) = RiskWarning.QuarterOf(today);
                var (previousStart, previousEnd) = (start.AddMonths(-3), start.AddDays(-1));
                var now = await cases.Where(c => c.FiledOn >= start && c.FiledOn <= today)
                    .GroupBy(c => c.Industry).Select(g => new { Industry = g.Key, Count = g.Count(), Owed = g.Sum(c => c.AmountOwed) })
                    .ToListAsync(cancellationToken);
                var before = await cases.Where(c => c.FiledOn >= previousStart && c.FiledOn <= previousEnd)
                    .GroupBy(c => c.Industry).Select(g => new { Industry = g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Industry, g => g.Count, cancellationToken);
                return now.Select(n => (n.Industry, n.Count, n.Owed, Previous: before.GetValueOrDefault(n.Industry)))
                    .Where(n => IsSpike(n.Count, n.Previous, rule.Threshold, rule.Percent))
                    .Select(n => new Finding(rule, n.Industry, n.Count, 0, n.Previous, n.Owed, n.Industry, CaseTags.None, null, null))
                    .ToList();
            }

            case RiskRuleKind.TaggedCases:
            {
                var found = new List<Finding>();
                foreach (var tag in new[] { CaseTags.UrbanRenewal, CaseTags.GroupRelated })
                {
                    var tagged = cases.Where(c => Open.Contains(c.Status) && c.FiledOn >= since && (c.Tags & tag) != 0);
                    var count = await tagged.CountAsync(cancellationToken);
                    if (count >= Math.Max(1, rule.Threshold))
                    {
                        found.Add(new Finding(rule, tag.ToString(), count, 0, 0, await tagged.SumAsync(c => c.AmountOwed, cancellationToken), null, tag, null, null));
                    }
                }

                return found;
            }

            default:
                return [];
        }
    }

    /// <summary>
    /// At least <paramref name="minimum"/> cases this quarter and at least <paramref name="percent"/>% more
    /// than last quarter; an industry new this quarter counts as a spike once it reaches the minimum.
    /// </summary>
    public static bool IsSpike(int current, int previous, int minimum, int percent) =>
        current >= Math.Max(1, minimum) && (previous == 0 || current * 100L >= previous * (100L + percent));

    private sealed record RespondentRow(int CaseId, int PartyId, string IdentityNumber, PartyKind Kind, decimal Owed, string Industry);

    private static async Task<List<RespondentRow>> RespondentRowsAsync(AppDbContext db, IQueryable<ExecutionCase> cases, DateOnly since, CancellationToken cancellationToken) =>
        await cases.Where(c => Open.Contains(c.Status) && c.FiledOn >= since)
            .SelectMany(c => c.Parties.Where(p => p.Role == PartyRole.Respondent && p.IdentityNumber != ""),
                (c, p) => new RespondentRow(c.Id, p.Id, p.IdentityNumber, p.Kind, c.AmountOwed, c.Industry))
            .ToListAsync(cancellationToken);

    /// <summary>The industry the cases share, or null when they span several.</summary>
    private static string? CommonIndustry(IReadOnlyCollection<RespondentRow> cases) =>
        cases.Select(c => c.Industry).Distinct().Count() == 1 ? cases.First().Industry : null;

    private async Task<(int Created, int Refreshed, IReadOnlyCollection<string> Notified)> RecordAsync(int streetId, IReadOnlyList<Finding> findings, bool notify, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return (0, 0, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Refreshing evidence must not make a user's open copy of the warning stale.
        db.KeepVersions = true;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (start, end) = RiskWarning.QuarterOf(ChinaTime.Today(clock));
        var keyed = findings.ToDictionary(f => RiskWarning.KeyFor(f.Rule.Kind, streetId, f.Subject, start));
        var keys = keyed.Keys.ToList();
        var existing = await db.RiskWarnings.Where(w => keys.Contains(w.Key)).ToDictionaryAsync(w => w.Key, cancellationToken);
        var coordinators = notify ? await AlertRecipients.CoordinatorsAsync(db, streetId, cancellationToken) : [];
        var streetName = await db.Streets.Where(s => s.Id == streetId).Select(s => s.Name).SingleAsync(cancellationToken);
        var fresh = new List<RiskWarning>();
        var refreshed = 0;
        foreach (var (key, finding) in keyed)
        {
            if (existing.TryGetValue(key, out var warning))
            {
                if (warning.IsOpen)
                {
                    Fill(warning, finding, now);
                    refreshed++;
                }

                continue;
            }

            warning = new RiskWarning
            {
                Key = key,
                StreetId = streetId,
                Rule = finding.Rule.Kind,
                PeriodStart = start,
                PeriodEnd = end,
                SuggestedAction = finding.Rule.SuggestedAction,
                CreatedAtUtc = now,
            };
            Fill(warning, finding, now);
            db.RiskWarnings.Add(warning);
            fresh.Add(warning);
        }

        try
        {
            // The warnings first (the notifications link to their ids), both in one transaction.
            await db.SaveChangesAsync(cancellationToken);
            AddNotifications(db, fresh, coordinators, streetName, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another run recorded the same warning (unique key) or a user moved it meanwhile:
            // nothing of this attempt stays; that writer's state stands and the next run refreshes.
            logger.LogDebug(ex, "Risk warnings of street {StreetId} skipped: recorded concurrently", streetId);
            return (0, 0, []);
        }

        return (fresh.Count, refreshed, fresh.Count > 0 ? coordinators : []);
    }

    private static void AddNotifications(AppDbContext db, IReadOnlyList<RiskWarning> fresh, IReadOnlyCollection<string> coordinators, string streetName, DateTime now)
    {
        foreach (var warning in fresh)
        {
            foreach (var coordinator in coordinators)
            {
                db.Notifications.Add(new Notification
                {
                    RecipientId = coordinator,
                    TitleKey = "Notification.RiskWarning",
                    Subject = streetName,
                    Link = $"/warnings/{warning.Id}",
                    CreatedAtUtc = now,
                });
            }
        }
    }

    private static void Fill(RiskWarning warning, Finding finding, DateTime now)
    {
        warning.Severity = finding.Rule.Severity;
        warning.CaseCount = finding.CaseCount;
        warning.ApplicantCount = finding.ApplicantCount;
        warning.PreviousCount = finding.PreviousCount;
        warning.AmountOwed = finding.Amount;
        warning.Industry = finding.Industry;
        warning.Tag = finding.Tag;
        warning.RespondentKind = finding.Kind;
        warning.SubjectPartyId = finding.PartyId;
        warning.WindowDays = finding.Rule.WindowDays;
        warning.EvidenceAtUtc = now;
    }
}
