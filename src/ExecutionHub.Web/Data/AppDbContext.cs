using ExecutionHub.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Data;

/// <remarks>Also holds the data-protection keys, so every app node can read every other node's cookies.</remarks>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Court> Courts => Set<Court>();
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();
    public DbSet<WorkingGroupMember> WorkingGroupMembers => Set<WorkingGroupMember>();
    public DbSet<PartnerAgency> PartnerAgencies => Set<PartnerAgency>();
    public DbSet<ExecutionCase> Cases => Set<ExecutionCase>();
    public DbSet<CaseParty> CaseParties => Set<CaseParty>();
    public DbSet<Matter> Matters => Set<Matter>();
    public DbSet<VerificationTask> Tasks => Set<VerificationTask>();
    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<DeadlinePolicy> DeadlinePolicies => Set<DeadlinePolicy>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<EscalationContact> EscalationContacts => Set<EscalationContact>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<CaseMilestone> Milestones => Set<CaseMilestone>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<ProgressAccessCode> ProgressAccessCodes => Set<ProgressAccessCode>();
    public DbSet<WindowVisit> WindowVisits => Set<WindowVisit>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<MediationSession> Mediations => Set<MediationSession>();
    public DbSet<MediationAttendee> MediationAttendees => Set<MediationAttendee>();
    public DbSet<Instalment> Instalments => Set<Instalment>();
    public DbSet<JointMeeting> Meetings => Set<JointMeeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<ApiCall> ApiCalls => Set<ApiCall>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<RiskRule> RiskRules => Set<RiskRule>();
    public DbSet<RiskWarning> RiskWarnings => Set<RiskWarning>();
    public DbSet<RiskWarningEvent> RiskWarningEvents => Set<RiskWarningEvent>();
    public DbSet<MatterDayTally> MatterDayTallies => Set<MatterDayTally>();
    public DbSet<MatterCycleTally> MatterCycleTallies => Set<MatterCycleTally>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <summary>
    /// Set by background bookkeeping (the deadline sweep) whose writes must not make a user's open
    /// copy stale; the version is still checked, so a concurrent user edit wins and the job retries.
    /// </summary>
    public bool KeepVersions { get; set; }

    /// <summary>
    /// Set when what this context saves is history rather than work happening now (demo data,
    /// generated data, an imported ledger): the events its entities recorded are dropped at save,
    /// so nobody is told of a hand-off that happened long ago.
    /// </summary>
    public bool SavesHistory { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        // The dashboard's tallies move with the matters they count, in the same transaction.
        var tallies = MatterTallies.Add(this);
        try
        {
            return await SaveWithCaseActivityAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            MatterTallies.Forget(this, tallies);
            throw;
        }
    }

    private async Task<int> SaveWithCaseActivityAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var raises = CaseActivity.Collect(this);
        if (raises.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The cases' latest activity moves with the lines that move it, or not at all.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await CaseActivity.RaiseAsync(this, raises, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var tallies = MatterTallies.Add(this);
        try
        {
            return SaveWithCaseActivity(acceptAllChangesOnSuccess);
        }
        catch
        {
            MatterTallies.Forget(this, tallies);
            throw;
        }
    }

    private int SaveWithCaseActivity(bool acceptAllChangesOnSuccess)
    {
        var raises = CaseActivity.Collect(this);
        if (raises.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        CaseActivity.Raise(this, raises);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return saved;
    }

    /// <summary>
    /// Matters and tasks carry a version that every save bumps; EF checks the original version in
    /// the UPDATE's WHERE, so a writer holding a stale copy gets a concurrency error, not a silent overwrite.
    /// </summary>
    private void BumpVersions()
    {
        if (KeepVersions)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { IsConcurrencyToken: true })
            {
                var version = entry.Property("Version");
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in the database and comes back marked UTC (PostgreSQL's
        // timestamptz refuses anything else; SQLite would otherwise hand back Unspecified).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Money as whole fen in a 64-bit integer: exact, summable in SQL on SQLite and PostgreSQL alike.
        configurationBuilder.Properties<decimal>().HaveConversion<YuanToFenConverter>();
    }
}
