using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.Mappa.Data;

public sealed class MappaDbContext(DbContextOptions<MappaDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessageStore();
}

internal sealed class MappaDesignTimeFactory : DesignTimeDbContextFactory<MappaDbContext>;
