using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class WindowVisitConfiguration : IEntityTypeConfiguration<WindowVisit>
{
    public void Configure(EntityTypeBuilder<WindowVisit> e)
    {
        e.Property(x => x.VisitorName).HasMaxLength(WindowVisit.MaxNameLength);
        e.Property(x => x.VisitorPhone).HasMaxLength(20);
        e.Property(x => x.CaseNumber).HasMaxLength(40);
        e.Property(x => x.Notes).HasMaxLength(WindowVisit.MaxNotesLength);
        e.Property(x => x.Outcome).HasMaxLength(WindowVisit.MaxOutcomeLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.CanBecomeMatter);

        // The list and the month's figures read a street's visits by time, optionally by purpose.
        e.HasIndex(x => new { x.StreetId, x.VisitedAtUtc });
        e.HasIndex(x => new { x.StreetId, x.Purpose, x.VisitedAtUtc });

        // A matter comes from at most one visit (NULLs do not collide, so unlinked visits are free).
        e.HasIndex(x => x.MatterId).IsUnique();
        e.HasIndex(x => x.CaseId);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ExecutionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
