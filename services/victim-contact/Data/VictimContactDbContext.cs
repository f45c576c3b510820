using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.VictimContact.Data;

public sealed class VictimContactDbContext(DbContextOptions<VictimContactDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddProtectedServiceModel();
}

internal sealed class VictimContactDesignTimeFactory : DesignTimeDbContextFactory<VictimContactDbContext>;
