using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class ExecutionCaseConfiguration : IEntityTypeConfiguration<ExecutionCase>
{
    public void Configure(EntityTypeBuilder<ExecutionCase> e)
    {
        e.ToTable("Cases");
        e.Property(x => x.CaseNumber).HasMaxLength(ExecutionCase.MaxCaseNumberLength);
        e.Property(x => x.Cause).HasMaxLength(ExecutionCase.MaxCauseLength);
        e.Property(x => x.Industry).HasMaxLength(ExecutionCase.MaxIndustryLength);
        e.HasIndex(x => x.CaseNumber).IsUnique();
        e.HasIndex(x => new { x.CourtId, x.JudgeId });
        // The case list: a judge's own cases (of the judge's court), the court's or the street's, newest
        // activity first, one index walk per page; the status rides along so a status filter and its
        // count never read the table (ties in activity are then put in id order by a small sort).
        e.HasIndex(x => new { x.JudgeId, x.CourtId, x.LastActivityAtUtc, x.Status });
        e.HasIndex(x => new { x.CourtId, x.LastActivityAtUtc, x.Status });
        e.HasIndex(x => new { x.StreetId, x.LastActivityAtUtc, x.Status });
        // Street statistics read a street's cases filed in a period, grouped by every dimension they
        // show, from this index alone; it also serves anything that wanted (StreetId, FiledOn). AwaitsCompletion is in it
        // because the statistics leave out a case an import created and nobody completed yet.
        e.HasIndex(x => new { x.StreetId, x.FiledOn, x.CommunityId, x.Cause, x.Industry, x.Status, x.AmountOwed, x.AmountRecovered, x.AwaitsCompletion });
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
        e.Property(x => x.Name).HasMaxLength(CaseParty.MaxNameLength);
        e.Property(x => x.IdentityNumber).HasMaxLength(CaseParty.MaxIdentityNumberLength);
        e.HasIndex(x => new { x.CaseId, x.Role });
        e.HasIndex(x => x.IdentityNumber);
        // The case list finds cases by a party's name (or its first characters) here, without reading the parties.
        e.HasIndex(x => new { x.Name, x.CaseId });
    }
}

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> e)
    {
        e.Property(x => x.Reference).HasMaxLength(30);
        e.Property(x => x.Request).HasMaxLength(Matter.MaxRequestLength);
        e.Property(x => x.Feedback).HasMaxLength(8000);
        e.Property(x => x.CancelReason).HasMaxLength(500);
        e.Property(x => x.PauseReason).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsPaused);
        e.Ignore(x => x.IsOpen);
        e.OwnsOne(x => x.Details, d => d.ToJson());
        e.OwnsOne(x => x.Decision, d =>
        {
            d.ToJson();
            d.Property(x => x.Reason).HasMaxLength(1000);
            d.Property(x => x.GroupRecommendation).HasMaxLength(2000);
        });
        e.OwnsOne(x => x.Recommendation, d =>
        {
            d.ToJson();
            d.Property(x => x.Text).HasMaxLength(2000);
        });
        e.Ignore(x => x.AwaitsRecommendation);
        e.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.WorkingGroupId, x.Status });
        e.HasIndex(x => x.Reference).IsUnique();
        // One matter per ledger row, however often the file is imported (null for matters registered here).
        e.Property(x => x.ImportKey).HasMaxLength(64);
        e.HasIndex(x => x.ImportKey).IsUnique();
        // The matter list filters by court or street and sorts by receipt or due time; deadline
        // sweeps look for open matters by due time. Each has an index that serves it in order.
        e.HasIndex(x => new { x.StreetId, x.Status, x.DueAtUtc });
        e.HasIndex(x => new { x.CourtId, x.Status, x.DueAtUtc });
        e.HasIndex(x => new { x.StreetId, x.ReceivedAtUtc });
        e.HasIndex(x => new { x.CourtId, x.ReceivedAtUtc });
        e.HasIndex(x => new { x.StreetId, x.DueAtUtc });
        e.HasIndex(x => new { x.CourtId, x.DueAtUtc });
        e.HasIndex(x => new { x.JudgeId, x.ReceivedAtUtc });
        e.HasIndex(x => new { x.JudgeId, x.CourtId, x.Status, x.DueAtUtc });
        e.HasIndex(x => new { x.Status, x.DueAtUtc });
        // The dashboard's figures read only these covering indexes: feedback by the court's or the
        // street's day of first feedback, percentiles walking the cycle in order, referrals by day.
        e.HasIndex(x => new { x.CourtId, x.FirstFedBackOn, x.StreetId, x.JudgeId, x.Type, x.Outcome, x.FeedbackCycleSeconds, x.FedBackOnTime });
        e.HasIndex(x => new { x.StreetId, x.FirstFedBackOn, x.CourtId, x.JudgeId, x.Type, x.Outcome, x.FeedbackCycleSeconds, x.FedBackOnTime });
        e.HasIndex(x => new { x.CourtId, x.FeedbackCycleSeconds, x.FirstFedBackOn, x.StreetId, x.JudgeId, x.Type });
        e.HasIndex(x => new { x.StreetId, x.FeedbackCycleSeconds, x.FirstFedBackOn, x.CourtId, x.JudgeId, x.Type });
        e.HasIndex(x => new { x.CourtId, x.ReceivedOn, x.StreetId, x.JudgeId, x.Type });
        e.HasIndex(x => new { x.StreetId, x.ReceivedOn, x.CourtId, x.JudgeId, x.Type });
        e.HasIndex(x => x.NextAlertAtUtc);
        e.Property(x => x.HardCaseReason).HasMaxLength(500);
        // The joint meeting's agenda reads a street's hard cases.
        e.HasIndex(x => new { x.StreetId, x.IsHardCase });
        e.Property(x => x.DueSoonHours).HasDefaultValue(24);
        e.Property(x => x.EscalationHours).HasDefaultValue(24);
        // A case's matters, and how many are open (the case list's column), from the index alone.
        e.HasIndex(x => new { x.CaseId, x.Status });
        e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.TargetParty).WithMany().HasForeignKey(x => x.TargetPartyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Court>().WithMany().HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.JudgeId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Tasks).WithOne(x => x.Matter).HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.ClientReference).HasMaxLength(Matter.MaxClientReferenceLength);
        e.HasIndex(x => x.ApiClientId);
        e.HasOne<ApiClient>().WithMany().HasForeignKey(x => x.ApiClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VerificationTaskConfiguration : IEntityTypeConfiguration<VerificationTask>
{
    public void Configure(EntityTypeBuilder<VerificationTask> e)
    {
        e.ToTable("Tasks");
        e.Property(x => x.Instructions).HasMaxLength(2000);
        e.Property(x => x.ReviewNote).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsSettled);
        e.Ignore(x => x.IsOpenForFindings);
        e.Ignore(x => x.AwaitsClaim);
        e.HasOne<WorkingGroup>().WithMany().HasForeignKey(x => x.WorkingGroupId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.WorkingGroupId, x.AssigneeId, x.Status });
        e.OwnsOne(x => x.Finding, f => f.ToJson());
        e.HasIndex(x => new { x.AssigneeId, x.Status, x.MatterId });
        e.HasIndex(x => new { x.GridId, x.Status });
        // A grid's tasks in a period, with what the statistics compute from them, without reading the rows.
        e.HasIndex(x => new { x.GridId, x.AssignedAtUtc, x.DueAtUtc, x.SubmittedAtUtc });
        e.HasIndex(x => new { x.PartnerAgencyId, x.Status });
        e.HasIndex(x => new { x.Status, x.DueAtUtc });
        e.HasIndex(x => x.NextAlertAtUtc);
        e.Property(x => x.DeadlineVersion).HasDefaultValue(1);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PartnerAgency>().WithMany().HasForeignKey(x => x.PartnerAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.ToTable("Evidence");
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(200);
        e.HasIndex(x => x.TaskId);
        e.HasIndex(x => x.MatterId);
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<VerificationTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
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
        e.HasOne<VerificationTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CaseId, x.AtUtc });
        e.HasOne<ExecutionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}
