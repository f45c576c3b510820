using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Services;

public sealed class MigrationTests
{
    public static TheoryData<Type> ServiceContexts =>
    [
        typeof(Identity.Data.IdentityDbContext),
        typeof(RiskOfHarm.Data.RiskOfHarmDbContext),
        typeof(Mappa.Data.MappaDbContext),
        typeof(VictimContact.Data.VictimContactDbContext),
        typeof(TelephoneMonitoring.Data.TelephoneMonitoringDbContext),
        typeof(CaseRecord.Data.CaseRecordDbContext),
    ];

    [Theory]
    [MemberData(nameof(ServiceContexts))]
    public async Task Migrations_apply_to_an_empty_database_and_the_model_has_no_pending_changes(Type contextType)
    {
        var servers = await TestServers.GetAsync();
        var database = await servers.CreateDatabaseAsync("migrations");
        await using var db = Create(contextType, database);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), $"{contextType.Name} has model changes without a migration");
        NpgsqlConnection.ClearAllPools();
    }

    private static DbContext Create(Type contextType, string connectionString)
    {
        var optionsType = typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(optionsType)!;
        builder.UseNpgsql(connectionString, n =>
        {
            n.MigrationsHistoryTable("__ef_migrations_history", MessageStoreModel.Schema);
            if (contextType == typeof(VictimContact.Data.VictimContactDbContext)) n.UseNetTopologySuite(); // exclusion zones are PostGIS shapes
        });
        return (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
    }
}
