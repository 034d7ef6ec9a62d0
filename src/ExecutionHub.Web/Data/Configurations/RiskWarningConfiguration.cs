using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class RiskRuleConfiguration : IEntityTypeConfiguration<RiskRule>
{
    public void Configure(EntityTypeBuilder<RiskRule> e)
    {
        e.Property(x => x.SuggestedAction).HasMaxLength(RiskRule.MaxActionLength);
        e.HasIndex(x => x.Kind).IsUnique();
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RiskWarningConfiguration : IEntityTypeConfiguration<RiskWarning>
{
    public void Configure(EntityTypeBuilder<RiskWarning> e)
    {
        e.Property(x => x.Key).HasMaxLength(120);
        e.Property(x => x.Industry).HasMaxLength(50);
        e.Property(x => x.SuggestedAction).HasMaxLength(RiskRule.MaxActionLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsOpen);

        // A re-run, a second worker or a retry after a crash cannot add the same warning twice.
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => new { x.StreetId, x.State, x.Severity });
        e.HasOne(x => x.Street).WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseParty>().WithMany().HasForeignKey(x => x.SubjectPartyId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskWarningEventConfiguration : IEntityTypeConfiguration<RiskWarningEvent>
{
    public void Configure(EntityTypeBuilder<RiskWarningEvent> e)
    {
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(50);
        e.Property(x => x.Note).HasMaxLength(RiskWarningEvent.MaxNoteLength);
        e.HasIndex(x => new { x.WarningId, x.AtUtc });
    }
}
