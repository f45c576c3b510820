using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Messaging.Inbox;
using PublicProtectionHub.Messaging.Outbox;

namespace PublicProtectionHub.Messaging;

/// <summary>The outbox and inbox tables, in a <c>messaging</c> schema of each service's database.</summary>
public static class MessageStoreModel
{
    public const string Schema = "messaging";

    public static ModelBuilder AddMessageStore(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages", Schema);
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            e.Property(x => x.MessageType).HasColumnName("message_type").HasMaxLength(500);
            e.Property(x => x.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(x => x.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            e.Property(x => x.TraceState).HasColumnName("trace_state").HasMaxLength(500);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.DispatchedAt).HasColumnName("dispatched_at");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(300);
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => x.Sequence).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
            e.HasIndex(x => x.DispatchedAt).HasFilter("dispatched_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_sent");
        });

        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages", Schema);
            e.HasKey(x => new { x.Consumer, x.MessageId });
            e.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.ReceivedAt).HasColumnName("received_at");
            e.HasIndex(x => x.ReceivedAt);
        });
        return model;
    }
}
