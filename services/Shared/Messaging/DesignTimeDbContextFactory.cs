using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PublicProtectionHub.Messaging;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a context without starting the service.
/// The connection string is never opened when adding a migration.
/// </summary>
public abstract class DesignTimeDbContextFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", n =>
            {
                n.MigrationsHistoryTable("__ef_migrations_history", MessageStoreModel.Schema);
                Configure(n);
            })
            .Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }

    protected virtual void Configure(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) { }
}
