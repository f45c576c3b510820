using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.CaseRecord.Data;

public sealed class CaseRecordDbContext(DbContextOptions<CaseRecordDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddProtectedServiceModel();
}

internal sealed class CaseRecordDesignTimeFactory : DesignTimeDbContextFactory<CaseRecordDbContext>;
