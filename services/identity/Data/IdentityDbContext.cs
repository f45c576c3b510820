using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.Identity.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessageStore();
}

internal sealed class IdentityDesignTimeFactory : DesignTimeDbContextFactory<IdentityDbContext>;
