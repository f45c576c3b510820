using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.TelephoneMonitoring.Data;

public sealed class TelephoneMonitoringDbContext(DbContextOptions<TelephoneMonitoringDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddProtectedServiceModel();
}

internal sealed class TelephoneMonitoringDesignTimeFactory : DesignTimeDbContextFactory<TelephoneMonitoringDbContext>;
