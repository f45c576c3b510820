using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.RiskOfHarm.Data;

public sealed class RiskOfHarmDbContext(DbContextOptions<RiskOfHarmDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddProtectedServiceModel().UseStringListComparers();
}

internal sealed class RiskOfHarmDesignTimeFactory : DesignTimeDbContextFactory<RiskOfHarmDbContext>;
