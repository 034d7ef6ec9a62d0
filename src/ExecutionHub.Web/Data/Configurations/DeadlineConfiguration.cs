using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class DeadlinePolicyConfiguration : IEntityTypeConfiguration<DeadlinePolicy>
{
    public void Configure(EntityTypeBuilder<DeadlinePolicy> e)
    {
        e.HasKey(x => x.MatterType);
        e.Property(x => x.MatterType).ValueGeneratedNever();
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.HasKey(x => x.Date);
        e.Property(x => x.Name).HasMaxLength(50);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> e)
    {
        e.Property(x => x.Key).HasMaxLength(100);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => new { x.MatterId, x.FiredAtUtc });
        e.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<VerificationTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Instalment>().WithMany().HasForeignKey(x => x.InstalmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.TitleKey).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.Link).HasMaxLength(200);
        e.HasIndex(x => new { x.RecipientId, x.ReadAtUtc, x.CreatedAtUtc });
        e.HasIndex(x => new { x.RecipientId, x.AlertId }).IsUnique();
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Alert).WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Matter).WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Note).HasMaxLength(100);
        // A hand-off notification is added at most once, however often its cause is saved again.
        e.Property(x => x.Key).HasMaxLength(150);
        e.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.HasKey(x => new { x.UserId, x.Kind });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationContactConfiguration : IEntityTypeConfiguration<EscalationContact>
{
    public void Configure(EntityTypeBuilder<EscalationContact> e)
    {
        e.HasIndex(x => new { x.CourtId, x.StreetId, x.UserId }).IsUnique();
        e.HasOne<Court>().WithMany().HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.Property(x => x.ProtectedSecret).HasMaxLength(1000);
        e.Property(x => x.Key).HasMaxLength(150);
        e.Property(x => x.Channel).HasMaxLength(20);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => new { x.Status, x.NextAttemptAtUtc });
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> e)
    {
        e.Property(x => x.Error).HasMaxLength(1000);
        e.HasIndex(x => new { x.MessageId, x.AtUtc });
        e.HasOne<OutboxMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseMilestoneConfiguration : IEntityTypeConfiguration<CaseMilestone>
{
    public void Configure(EntityTypeBuilder<CaseMilestone> e)
    {
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.CaseId, x.OccurredOn });
        e.HasOne<ExecutionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> e)
    {
        e.HasKey(x => x.Kind);
        e.Property(x => x.Kind).ValueGeneratedNever();
        e.Property(x => x.Body).HasMaxLength(500);
    }
}

internal sealed class ProgressAccessCodeConfiguration : IEntityTypeConfiguration<ProgressAccessCode>
{
    public void Configure(EntityTypeBuilder<ProgressAccessCode> e)
    {
        e.Property(x => x.CodeHash).HasMaxLength(100);
        e.HasIndex(x => new { x.CaseId, x.ExpiresAtUtc });
        e.HasOne<ExecutionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CaseParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Cascade);
    }
}
