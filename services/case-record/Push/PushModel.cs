using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Timeline;

namespace PublicProtectionHub.CaseRecord.Push;

public static class PushModel
{
    public static ModelBuilder AddTimelineAndPush(this ModelBuilder model)
    {
        model.Entity<TimelineEntry>(e =>
        {
            e.ToTable("entries", "timeline");
            e.Property(x => x.Source).HasMaxLength(50);
            e.Property(x => x.EventType).HasMaxLength(100);
            e.Property(x => x.InformationClass).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Classification).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.OrderReference).HasMaxLength(50);
            e.Property(x => x.EstablishmentCode).HasMaxLength(10);
            e.Property(x => x.SourceReference).HasMaxLength(200);
            e.HasIndex(x => x.SourceReference).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.Id });
        });
        model.Entity<InboxItem>(e =>
        {
            e.ToTable("inbox_items", "push");
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.RecipientRole).HasMaxLength(50);
            e.Property(x => x.RecipientScope).HasMaxLength(100);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(100);
            e.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.TimelineEntryId);
            e.HasIndex(x => new { x.UserName, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.UserName, x.TimelineEntryId }).IsUnique();
            e.HasIndex(x => x.EscalateAt).HasFilter("\"AcknowledgedAt\" IS NULL AND \"EscalatedAt\" IS NULL AND \"EscalateAt\" IS NOT NULL");
        });
        model.Entity<InboxCounter>(e =>
        {
            e.ToTable("inbox_counters", "push");
            e.HasKey(x => x.UserName);
            e.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(100);
            e.Property(x => x.LastSequence).HasColumnName("last_sequence");
        });
        return model;
    }
}
