using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.TelephoneMonitoring.Data;

public sealed class TelephoneMonitoringDbContext(DbContextOptions<TelephoneMonitoringDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessageStore();
}

internal sealed class TelephoneMonitoringDesignTimeFactory : DesignTimeDbContextFactory<TelephoneMonitoringDbContext>;
