using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.Mappa.Data;

public sealed class MappaDbContext(DbContextOptions<MappaDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddProtectedServiceModel().UseStringListComparers();
}

internal sealed class MappaDesignTimeFactory : DesignTimeDbContextFactory<MappaDbContext>;
