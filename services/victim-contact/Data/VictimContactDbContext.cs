using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PublicProtectionHub.Access;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Orders;
using PublicProtectionHub.VictimContact.Tasks;
using PublicProtectionHub.VictimContact.Zones;

namespace PublicProtectionHub.VictimContact.Data;

public sealed class VictimContactDbContext(DbContextOptions<VictimContactDbContext> options) : DbContext(options)
{
    public const string Schema = "victims";

    public DbSet<VictimContactCase> Cases => Set<VictimContactCase>();
    public DbSet<Victim> Victims => Set<Victim>();
    public DbSet<OptInChange> OptInChanges => Set<OptInChange>();
    public DbSet<ContactLogEntry> ContactLog => Set<ContactLogEntry>();
    public DbSet<ProhibitedContactOrder> Orders => Set<ProhibitedContactOrder>();
    public DbSet<ExclusionZone> Zones => Set<ExclusionZone>();
    public DbSet<ZoneBreach> Breaches => Set<ZoneBreach>();
    public DbSet<CallBreach> CallBreaches => Set<CallBreach>();
    public DbSet<ApprovedAddress> ApprovedAddresses => Set<ApprovedAddress>();
    public DbSet<InformationTask> Tasks => Set<InformationTask>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddProtectedServiceModel();
        modelBuilder.HasPostgresExtension("postgis");

        modelBuilder.Entity<VictimContactCase>(e =>
        {
            e.ToTable("cases", Schema);
            e.Property(x => x.NomsNumber).HasMaxLength(7);
            e.Property(x => x.Crn).HasMaxLength(7);
            e.Property(x => x.VictimLiaisonUnit).HasMaxLength(50);
            e.Property(x => x.OffenceCode).HasMaxLength(20);
            e.Property(x => x.SentenceKind).HasMaxLength(30);
            e.Property(x => x.EligibilityReason).HasMaxLength(200);
            e.Property(x => x.OpenedBy).HasMaxLength(200);
            e.Property(x => x.ClosureReason).HasMaxLength(200);
            e.HasMany(x => x.Victims).WithOne().HasForeignKey(v => v.CaseId);
            e.HasIndex(x => x.VictimLiaisonUnit);
            e.HasIndex(x => x.NomsNumber);
            e.HasIndex(x => x.Crn);
        });
        modelBuilder.Entity<Victim>(e =>
        {
            e.ToTable("victims", Schema);
            e.HasMany(x => x.OptInHistory).WithOne().HasForeignKey(c => c.VictimId);
        });
        modelBuilder.Entity<OptInChange>(e =>
        {
            e.ToTable("opt_in_changes", Schema);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<ContactLogEntry>(e =>
        {
            e.ToTable("contact_log", Schema);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<ProhibitedContactOrder>(e =>
        {
            e.ToTable("prohibited_contact_orders", Schema);
            e.Property(x => x.Reference).HasMaxLength(50);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.ProtectedVictims).HasDefaultValueSql("'{}'::uuid[]");
            e.Property(x => x.ProhibitedMeans).HasDefaultValueSql("'{}'::text[]");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PublishedKeyVersions).HasMaxLength(100);
            e.HasIndex(x => x.Reference).IsUnique();
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<ExclusionZone>(e =>
        {
            e.ToTable("exclusion_zones", Schema);
            e.Property(x => x.NomsNumber).HasMaxLength(7);
            e.Property(x => x.Crn).HasMaxLength(7);
            e.Property(x => x.OrderReference).HasMaxLength(50);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Shape).HasColumnType("geometry(Geometry,4326)");
            e.Property(x => x.Windows).HasColumnType("jsonb").HasConversion(
                w => JsonSerializer.Serialize(w, Json),
                s => JsonSerializer.Deserialize<List<ExclusionZoneWindow>>(s, Json) ?? new List<ExclusionZoneWindow>(),
                new ValueComparer<List<ExclusionZoneWindow>>((a, b) => a!.SequenceEqual(b!), w => w.Aggregate(0, (h, x) => HashCode.Combine(h, x)), w => w.ToList()));
            e.HasIndex(x => x.Shape).HasMethod("gist");
            e.HasIndex(x => x.NomsNumber);
            e.HasIndex(x => x.Crn);
        });
        modelBuilder.Entity<ZoneBreach>(e =>
        {
            e.ToTable("zone_breaches", Schema);
            e.Property(x => x.Location).HasColumnType("geometry(Point,4326)");
            e.Property(x => x.ReportedBy).HasMaxLength(200);
            e.Property(x => x.ActionTaken).HasMaxLength(2000);
            e.Property(x => x.ActionBy).HasMaxLength(200);
        });
        modelBuilder.Entity<CallBreach>(e =>
        {
            e.ToTable("call_breaches", Schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Severity).HasMaxLength(20);
            e.Property(x => x.ActionTaken).HasMaxLength(2000);
            e.Property(x => x.ActionBy).HasMaxLength(200);
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<ApprovedAddress>(e =>
        {
            e.ToTable("approved_addresses", Schema);
            e.HasKey(x => x.PersonKey);
            e.Property(x => x.PersonKey).HasMaxLength(20);
            e.Property(x => x.Location).HasColumnType("geometry(Point,4326)");
            e.Property(x => x.GivenBy).HasMaxLength(200);
        });
        modelBuilder.Entity<InformationTask>(e =>
        {
            e.ToTable("information_tasks", Schema);
            e.Property(x => x.SentenceEvent).HasMaxLength(50);
            e.Property(x => x.MayDisclose).HasDefaultValueSql("'{}'::text[]");
            e.Property(x => x.MustNotDisclose).HasDefaultValueSql("'{}'::text[]");
            e.Property(x => x.Outcome).HasMaxLength(2000);
            e.Property(x => x.CompletedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.CaseId, x.SourceEventId }).IsUnique();
        });

        modelBuilder.UseStringListComparers();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

internal sealed class VictimContactDesignTimeFactory : DesignTimeDbContextFactory<VictimContactDbContext>
{
    protected override void Configure(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.UseNetTopologySuite();
}
