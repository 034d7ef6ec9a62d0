using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class CourtConfiguration : IEntityTypeConfiguration<Court>
{
    public void Configure(EntityTypeBuilder<Court> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.CaseCode).HasMaxLength(8);
        e.HasIndex(x => x.CaseCode).IsUnique();
        e.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class StreetConfiguration : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Code).HasMaxLength(OrgCodes.MaxLength);
        e.HasIndex(x => new { x.CourtId, x.Name }).IsUnique();
        // A unique index keeps NULLs apart: any number of streets may wait for a code.
        e.HasIndex(x => new { x.CourtId, x.Code }).IsUnique();
        e.HasOne(x => x.Court).WithMany(x => x.Streets).HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Code).HasMaxLength(OrgCodes.MaxLength);
        e.HasIndex(x => new { x.StreetId, x.Name }).IsUnique();
        e.HasIndex(x => new { x.StreetId, x.Code }).IsUnique();
        e.HasOne(x => x.Street).WithMany(x => x.Communities).HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
        e.HasOne(x => x.Community).WithMany(x => x.Grids).HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => new { x.StreetId, x.Kind }).IsUnique();
        e.HasOne(x => x.Street).WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> e)
    {
        e.HasKey(x => new { x.WorkingGroupId, x.UserId });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.UserId);
    }
}

internal sealed class PartnerAgencyConfiguration : IEntityTypeConfiguration<PartnerAgency>
{
    public void Configure(EntityTypeBuilder<PartnerAgency> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => new { x.CourtId, x.Name }).IsUnique();
        e.HasOne(x => x.Court).WithMany().HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(50);
        e.Property(x => x.Culture).HasMaxLength(10);
        e.Property(x => x.StaffNumber).HasMaxLength(OrgCodes.MaxLength);
        e.HasIndex(x => new { x.CourtId, x.StaffNumber }).IsUnique();
        e.HasOne<Court>().WithMany().HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Grid).WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.PartnerAgency).WithMany().HasForeignKey(x => x.PartnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CourtId);
        e.HasIndex(x => x.StreetId);
        e.HasIndex(x => x.GridId);
        e.HasIndex(x => x.PartnerAgencyId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.UserId, x.AtUtc });
    }
}
