using Microsoft.EntityFrameworkCore;

namespace PublicProtectionHub.Messaging.TestService;

/// <summary>A change on the publishing side.</summary>
public sealed class Change
{
    public Guid Id { get; set; }
    public required string StreamId { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// What the consumer did. No unique key on purpose: a second effect for the same change must
/// be visible to the tests, not rejected by the database.
/// </summary>
public sealed class Effect
{
    public long Id { get; set; }
    public Guid ChangeId { get; set; }
    public required string StreamId { get; set; }
    public int Position { get; set; }
    public Guid MessageId { get; set; }
    public int ProcessId { get; set; }
    public DateTimeOffset CommittedAt { get; set; }
    public DateTimeOffset ConsumedAt { get; set; }
}

public sealed class BackboneDbContext(DbContextOptions<BackboneDbContext> options) : DbContext(options)
{
    public DbSet<Change> Changes => Set<Change>();
    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessageStore();
}
