using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class ExecutionCaseConfiguration : IEntityTypeConfiguration<ExecutionCase>
{
    public void Configure(EntityTypeBuilder<ExecutionCase> e)
    {
        e.ToTable("Cases");
        e.Property(x => x.CaseNumber).HasMaxLength(40);
        e.Property(x => x.Cause).HasMaxLength(50);
        e.Property(x => x.Industry).HasMaxLength(50);
        e.HasIndex(x => x.CaseNumber).IsUnique();
        e.HasIndex(x => new { x.CourtId, x.JudgeId });
        e.HasIndex(x => new { x.StreetId, x.FiledOn });
        e.HasOne(x => x.Court).WithMany().HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Street).WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.JudgeId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Parties).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.IdentityNumber).HasMaxLength(18);
        e.HasIndex(x => new { x.CaseId, x.Role });
        e.HasIndex(x => x.IdentityNumber);
    }
}

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> e)
    {
        e.Property(x => x.Reference).HasMaxLength(30);
        e.Property(x => x.Request).HasMaxLength(2000);
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => new { x.StreetId, x.Status, x.DueAtUtc });
        e.HasIndex(x => new { x.Status, x.DueAtUtc });
        e.HasIndex(x => x.CaseId);
        e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.TargetParty).WithMany().HasForeignKey(x => x.TargetPartyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> e)
    {
        e.ToTable("Timeline");
        e.Property(x => x.ActorName).HasMaxLength(50);
        e.Property(x => x.Event).HasMaxLength(100);
        e.Property(x => x.Detail).HasMaxLength(2000);
        e.HasIndex(x => new { x.MatterId, x.AtUtc });
        e.HasIndex(x => new { x.CaseId, x.AtUtc });
        e.HasOne<ExecutionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
