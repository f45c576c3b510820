using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.TelephoneMonitoring.Alerts;
using PublicProtectionHub.TelephoneMonitoring.Authorisations;
using PublicProtectionHub.TelephoneMonitoring.Calls;
using PublicProtectionHub.TelephoneMonitoring.Intelligence;
using PublicProtectionHub.TelephoneMonitoring.Watchlist;

namespace PublicProtectionHub.TelephoneMonitoring.Data;

public sealed class TelephoneMonitoringDbContext(DbContextOptions<TelephoneMonitoringDbContext> options) : DbContext(options)
{
    public DbSet<WatchedNumber> WatchedNumbers => Set<WatchedNumber>();
    public DbSet<ProhibitedContactOrder> ProhibitedContactOrders => Set<ProhibitedContactOrder>();
    public DbSet<NumberOfConcern> NumbersOfConcern => Set<NumberOfConcern>();
    public DbSet<CallRecord> CallRecords => Set<CallRecord>();
    public DbSet<TelephoneAlert> Alerts => Set<TelephoneAlert>();
    public DbSet<MonitoringAuthorisation> Authorisations => Set<MonitoringAuthorisation>();
    public DbSet<CallReview> CallReviews => Set<CallReview>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddProtectedServiceModel();
        modelBuilder.Entity<WatchedNumber>(e =>
        {
            e.ToTable("watched_numbers", "watchlist");
            e.Property(w => w.PersonKey).HasMaxLength(20);
            e.Property(w => w.Hash).HasMaxLength(64);
            e.Property(w => w.OrderReference).HasMaxLength(100);
            e.HasIndex(w => new { w.PersonKey, w.Hash });
            e.HasIndex(w => w.OrderId);
            e.HasIndex(w => w.ConcernId);
        });
        modelBuilder.Entity<ProhibitedContactOrder>(e =>
        {
            e.ToTable("prohibited_contact_orders", "watchlist");
            e.HasKey(o => o.OrderId);
            e.Property(o => o.OrderReference).HasMaxLength(100);
            e.Property(o => o.PersonKey).HasMaxLength(20);
            e.Property(o => o.Kind).HasMaxLength(100);
            e.Ignore(o => o.ActiveUntil);
            e.Ignore(o => o.RestrictsChildContact);
        });
        modelBuilder.Entity<NumberOfConcern>(e =>
        {
            e.ToTable("numbers_of_concern", "watchlist");
            e.Property(c => c.PersonKey).HasMaxLength(20);
            e.Property(c => c.EstablishmentCode).HasMaxLength(10);
            e.Property(c => c.Reason).HasMaxLength(50);
            e.Property(c => c.EnteredBy).HasMaxLength(200);
            e.Ignore(c => c.Reference);
            e.HasIndex(c => c.PersonKey);
        });
        modelBuilder.Entity<CallRecord>(e =>
        {
            e.ToTable("call_records", "calls");
            e.HasKey(c => c.CallId);
            e.Property(c => c.CallId).HasMaxLength(100);
            e.Property(c => c.NomsNumber).HasMaxLength(7);
            e.Property(c => c.PrisonId).HasMaxLength(10);
            e.Property(c => c.DialledHash).HasMaxLength(64);
            e.Property(c => c.Outcome).HasMaxLength(20);
            e.HasIndex(c => c.DialledHash);
            e.HasIndex(c => new { c.NomsNumber, c.StartedAt });
            e.HasIndex(c => c.StartedAt);
        });
        modelBuilder.Entity<TelephoneAlert>(e =>
        {
            e.ToTable("alerts", "alerts");
            e.HasKey(a => a.AlertId);
            e.Property(a => a.PersonKey).HasMaxLength(20);
            e.Property(a => a.NumberHash).HasMaxLength(64);
            e.Property(a => a.EstablishmentCode).HasMaxLength(10);
            e.Property(a => a.OrderReference).HasMaxLength(100);
            e.Property(a => a.Severity).HasMaxLength(20);
            e.HasIndex(a => new { a.PersonKey, a.NumberHash, a.LastCallAt });
        });
        modelBuilder.Entity<MonitoringAuthorisation>(e =>
        {
            e.ToTable("monitoring_authorisations", "authorisations");
            e.Property(a => a.PersonKey).HasMaxLength(20);
            e.Property(a => a.EstablishmentCode).HasMaxLength(10);
            e.Property(a => a.Purpose).HasMaxLength(50);
            e.Property(a => a.Reason).HasMaxLength(50);
            e.Property(a => a.AuthorisedBy).HasMaxLength(200);
            e.HasIndex(a => new { a.PersonKey, a.EndsAt });
            e.HasIndex(a => a.ReviewDate);
            e.HasMany(a => a.Renewals).WithOne().HasForeignKey(r => r.AuthorisationId);
        });
        modelBuilder.Entity<MonitoringAuthorisationRenewal>(e =>
        {
            e.ToTable("renewals", "authorisations");
            e.Property(r => r.RenewedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<CallReview>(e =>
        {
            e.ToTable("call_reviews", "intelligence");
            e.Property(r => r.CallId).HasMaxLength(100);
            e.Property(r => r.PersonKey).HasMaxLength(20);
            e.Property(r => r.EstablishmentCode).HasMaxLength(10);
            e.Property(r => r.Outcome).HasMaxLength(30);
            e.Property(r => r.IntelligenceAssessment).HasMaxLength(1);
            e.Property(r => r.HandlingCode).HasMaxLength(1);
            e.Property(r => r.HandlingConditions).HasMaxLength(1000);
            e.Property(r => r.Summary).HasMaxLength(2000);
            e.Property(r => r.ReviewedBy).HasMaxLength(200);
            e.HasIndex(r => r.PersonKey);
        });

        modelBuilder.UseStringListComparers();
    }
}

internal sealed class TelephoneMonitoringDesignTimeFactory : DesignTimeDbContextFactory<TelephoneMonitoringDbContext>;
