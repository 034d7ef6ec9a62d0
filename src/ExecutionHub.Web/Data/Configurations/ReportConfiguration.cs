using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.Property(x => x.Suggestions).HasMaxLength(Report.MaxSuggestionsLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsPublished);
        e.Ignore(x => x.PeriodEnd);

        // One report per street, kind and period: the monthly job re-run, or a coordinator
        // drafting the month the job already drafted, finds it instead of making a second.
        e.HasIndex(x => new { x.StreetId, x.Kind, x.PeriodStart }).IsUnique();
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.GeneratedById).HasMaxLength(450);
        e.Property(x => x.PublishedById).HasMaxLength(450);
    }
}
