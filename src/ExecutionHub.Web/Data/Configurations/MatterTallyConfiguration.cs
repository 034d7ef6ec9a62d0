using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

/// <summary>
/// The dashboard reads the tallies of a court or a street over a range of days (or cycle hours): each has an
/// index by scope and then day (hour) that holds every column it sums, so the read never visits the table (short names: PostgreSQL keeps 63 characters of one).
/// </summary>
internal sealed class MatterDayTallyConfiguration : IEntityTypeConfiguration<MatterDayTally>
{
    public void Configure(EntityTypeBuilder<MatterDayTally> e)
    {
        e.HasIndex(x => new { x.CourtId, x.Day, x.StreetId, x.JudgeId, x.Type, x.Received, x.FedBack, x.CycleSeconds, x.OnTime, x.WhereaboutsFound, x.CluesVerified })
            .HasDatabaseName("IX_MatterDayTallies_Court_Day");
        e.HasIndex(x => new { x.StreetId, x.Day, x.CourtId, x.JudgeId, x.Type, x.Received, x.FedBack, x.CycleSeconds, x.OnTime, x.WhereaboutsFound, x.CluesVerified })
            .HasDatabaseName("IX_MatterDayTallies_Street_Day");
    }
}

internal sealed class MatterCycleTallyConfiguration : IEntityTypeConfiguration<MatterCycleTally>
{
    public void Configure(EntityTypeBuilder<MatterCycleTally> e)
    {
        e.HasIndex(x => new { x.CourtId, x.CycleHour, x.StreetId, x.JudgeId, x.Type, x.Count }).HasDatabaseName("IX_MatterCycleTallies_Court_Hour");
        e.HasIndex(x => new { x.StreetId, x.CycleHour, x.CourtId, x.JudgeId, x.Type, x.Count }).HasDatabaseName("IX_MatterCycleTallies_Street_Hour");
    }
}
