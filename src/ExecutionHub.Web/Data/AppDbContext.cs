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
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
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
