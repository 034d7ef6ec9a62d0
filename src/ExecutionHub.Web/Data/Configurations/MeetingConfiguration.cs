using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> e)
    {
        e.Property(x => x.Notes).HasMaxLength(MediationSession.MaxNotesLength);
        e.HasIndex(x => new { x.CaseId, x.HeldOn });
        e.HasIndex(x => new { x.StreetId, x.HeldOn });
        e.HasIndex(x => x.WindowVisitId);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ExecutionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WindowVisit>().WithMany().HasForeignKey(x => x.WindowVisitId).OnDelete(DeleteBehavior.Restrict);
        // The session outlives its milestone row (the settlement stays a settlement if a milestone is ever removed).
        e.HasOne<CaseMilestone>().WithMany().HasForeignKey(x => x.MilestoneId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.MediatorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Instalments).WithOne(x => x.Session).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediationAttendeeConfiguration : IEntityTypeConfiguration<MediationAttendee>
{
    public void Configure(EntityTypeBuilder<MediationAttendee> e)
    {
        e.HasOne<CaseParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> e)
    {
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsPaid);
        e.Ignore(x => x.IsWatched);
        e.HasIndex(x => new { x.SessionId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.CaseId, x.DueOn });
        // The deadline sweep reads only the instalments whose next alert has come.
        e.HasIndex(x => x.NextAlertAtUtc);
        e.HasOne<ExecutionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.PaidRecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JointMeetingConfiguration : IEntityTypeConfiguration<JointMeeting>
{
    public void Configure(EntityTypeBuilder<JointMeeting> e)
    {
        e.Property(x => x.Title).HasMaxLength(JointMeeting.MaxTitleLength);
        e.Property(x => x.Place).HasMaxLength(JointMeeting.MaxPlaceLength);
        e.Property(x => x.Minutes).HasMaxLength(JointMeeting.MaxMinutesLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.StreetId, x.StartsAtUtc });
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Court>().WithMany().HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Agencies).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.AgendaItems).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.ActionItems).WithOne(x => x.Meeting).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingAgencyConfiguration : IEntityTypeConfiguration<MeetingAgency>
{
    public void Configure(EntityTypeBuilder<MeetingAgency> e)
    {
        e.HasKey(x => new { x.MeetingId, x.AgencyId });
        e.HasOne<PartnerAgency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> e)
    {
        e.HasKey(x => new { x.MeetingId, x.UserId });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Property(x => x.Title).HasMaxLength(AgendaItem.MaxTitleLength);
        e.Property(x => x.Decision).HasMaxLength(AgendaItem.MaxDecisionLength);
        e.HasIndex(x => new { x.MeetingId, x.Position });
        e.HasIndex(x => x.MatterId);
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> e)
    {
        e.Property(x => x.Description).HasMaxLength(ActionItem.MaxDescriptionLength);
        e.Property(x => x.DoneNote).HasMaxLength(ActionItem.MaxNoteLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsDone);
        e.Ignore(x => x.IsWatched);
        // The board lists a street's (or an agency's) open items by due time; the sweep reads the next-alert index.
        e.HasIndex(x => new { x.StreetId, x.DoneAtUtc, x.DueAtUtc });
        e.HasIndex(x => new { x.OwnerAgencyId, x.DoneAtUtc, x.DueAtUtc });
        e.HasIndex(x => x.NextAlertAtUtc);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<PartnerAgency>().WithMany().HasForeignKey(x => x.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DoneById).OnDelete(DeleteBehavior.Restrict);
    }
}
