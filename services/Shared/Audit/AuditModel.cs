using Microsoft.EntityFrameworkCore;

namespace PublicProtectionHub.Audit;

public static class AuditModel
{
    public const string Schema = "audit";

    public static ModelBuilder AddAuditLog(this ModelBuilder model)
    {
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("entries", Schema);
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(x => x.Chain).HasColumnName("chain");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(200);
            e.Property(x => x.Role).HasColumnName("role").HasMaxLength(50);
            e.Property(x => x.Agency).HasColumnName("agency").HasMaxLength(100);
            e.Property(x => x.ClientId).HasColumnName("client_id").HasMaxLength(100);
            e.Property(x => x.Action).HasColumnName("action").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Records).HasColumnName("records");
            e.Property(x => x.Justification).HasColumnName("justification").HasMaxLength(500);
            e.Property(x => x.Recipients).HasColumnName("recipients");
            e.Property(x => x.CorrelationId).HasColumnName("correlation_id").HasMaxLength(100);
            e.Property(x => x.Outcome).HasColumnName("outcome").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Operation).HasColumnName("operation").HasMaxLength(300);
            e.Property(x => x.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64);
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            e.HasIndex(x => x.Id).IsUnique();
            e.HasIndex(x => new { x.Chain, x.Sequence });
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => x.Subject);
            // Without fast update: a pending list flushed by whichever insert fills it would stall that insert, and with it
            // every audited write queued behind that chain's lock, for hundreds of milliseconds.
            e.HasIndex(x => x.Records).HasMethod("gin").HasStorageParameter("fastupdate", false);
        });
        return model;
    }
}
