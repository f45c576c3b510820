using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.CaseRecord.Feeds;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;
using PublicProtectionHub.CaseRecord.Practitioners;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.SecureMessages;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.CaseRecord.Data;

public sealed class CaseRecordDbContext : DbContext
{
    // A failed save here fails its whole transaction (the request or message is retried from the start, never continued),
    // so the savepoint EF Core would put round each save in an open transaction costs two round trips and buys nothing.
    public CaseRecordDbContext(DbContextOptions<CaseRecordDbContext> options) : base(options) => Database.AutoSavepointsEnabled = false;

    public DbSet<Person> People => Set<Person>();
    public DbSet<ResponsibilityHistory> ResponsibilityHistory => Set<ResponsibilityHistory>();
    public DbSet<ReceivedHmppsEvent> HmppsEvents => Set<ReceivedHmppsEvent>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<InboxItem> Inbox => Set<InboxItem>();
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<RelayPosition> RelayPositions => Set<RelayPosition>();
    public DbSet<MessageThread> MessageThreads => Set<MessageThread>();
    public DbSet<SecureMessage> SecureMessages => Set<SecureMessage>();
    public DbSet<ReadReceipt> ReadReceipts => Set<ReadReceipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddProtectedServiceModel().AddTimelineAndPush().AddFeeds().AddSecureMessages();
        modelBuilder.AddPractitioners();
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people", "register");
            e.Property(p => p.NomsNumber).HasMaxLength(7);
            e.Property(p => p.Crn).HasMaxLength(7);
            e.Property(p => p.PncId).HasMaxLength(20);
            e.Property(p => p.CroNumber).HasMaxLength(20);
            e.Property(p => p.GivenName).HasMaxLength(100);
            e.Property(p => p.FamilyName).HasMaxLength(100);
            e.Property(p => p.RoshCustody).HasMaxLength(20);
            e.Property(p => p.RoshCommunity).HasMaxLength(20);
            e.HasIndex(p => p.NomsNumber).IsUnique();
            e.HasIndex(p => p.Crn).IsUnique();
            e.OwnsOne(p => p.Flags);
            e.OwnsOne(p => p.Responsibilities);
            e.Ignore(p => p.Key);
        });
        modelBuilder.Entity<ResponsibilityHistory>(e =>
        {
            e.ToTable("responsibility_history", "register");
            e.Property(h => h.Reason).HasMaxLength(200);
            e.OwnsOne(h => h.Responsibilities);
            e.HasIndex(h => h.PersonId);
        });
        modelBuilder.Entity<ReceivedHmppsEvent>(e =>
        {
            e.ToTable("hmpps_events", "integrations");
            e.Property(r => r.ReplayKey).HasMaxLength(64);
            e.Property(r => r.EventType).HasMaxLength(200);
            e.Property(r => r.Kind).HasMaxLength(50);
            e.Property(r => r.BodyHash).HasMaxLength(64);
            e.Property(r => r.NomsNumber).HasMaxLength(7);
            e.Property(r => r.Crn).HasMaxLength(7);
            e.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(r => r.ReplayKey).IsUnique();
            e.HasIndex(r => new { r.PersonId, r.Kind, r.OccurredAt });
        });

        modelBuilder.UseStringListComparers();
    }
}

internal sealed class CaseRecordDesignTimeFactory : DesignTimeDbContextFactory<CaseRecordDbContext>;
