using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.Timeline;

namespace PublicProtectionHub.CaseRecord.SecureMessages;

public static class SecureMessagesModel
{
    public const string Schema = "messages";
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;
    public const int MaxUserNameLength = 100;

    /// <summary>Now, as PostgreSQL stores it (microseconds), so what an answer says equals what a later read shows.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }

    public static ModelBuilder AddSecureMessages(this ModelBuilder model)
    {
        model.Entity<MessageThread>(e =>
        {
            e.ToTable("threads", Schema);
            e.Property(x => x.Subject).HasMaxLength(MaxSubjectLength);
            e.Property(x => x.StartedBy).HasMaxLength(MaxUserNameLength);
            e.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.ThreadId);
            e.HasMany(x => x.Messages).WithOne().HasForeignKey(x => x.ThreadId);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.PersonId, x.LastMessageAt });
        });
        model.Entity<ThreadParticipant>(e =>
        {
            e.ToTable("participants", Schema);
            e.HasKey(x => new { x.ThreadId, x.UserName });
            e.Property(x => x.UserName).HasMaxLength(MaxUserNameLength);
            e.HasIndex(x => x.UserName);
        });
        model.Entity<SecureMessage>(e =>
        {
            e.ToTable("messages", Schema);
            e.Property(x => x.Sender).HasMaxLength(MaxUserNameLength);
            e.Property(x => x.Body).HasMaxLength(MaxBodyLength);
            e.Property(x => x.Classification).HasConversion<string>().HasMaxLength(30);
            e.HasOne<TimelineEntry>().WithOne().HasForeignKey<SecureMessage>(x => x.TimelineEntryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.ReadReceipts).WithOne().HasForeignKey(x => x.MessageId);
            e.HasIndex(x => new { x.ThreadId, x.SentAt });
        });
        model.Entity<ReadReceipt>(e =>
        {
            e.ToTable("read_receipts", Schema);
            e.HasKey(x => new { x.MessageId, x.UserName });
            e.Property(x => x.UserName).HasMaxLength(MaxUserNameLength);
        });
        return model;
    }
}
