using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.Identity.Data;

/// <summary>ASP.NET Core Identity users, the OpenIddict stores, and the message store.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : IdentityDbContext<HubUser>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<HubUser>(e =>
        {
            e.Property(u => u.Role).HasMaxLength(50);
            e.Property(u => u.DisplayName).HasMaxLength(HubUser.MaxDisplayNameLength);
        });
        modelBuilder.UseOpenIddict();
        modelBuilder.AddMessageStore();
    }
}

internal sealed class IdentityDesignTimeFactory : DesignTimeDbContextFactory<IdentityDbContext>;
