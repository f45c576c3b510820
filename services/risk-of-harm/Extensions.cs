using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.RiskOfHarm.Data;

namespace PublicProtectionHub.RiskOfHarm;

public static class Extensions
{
    public const string ServiceName = "risk-of-harm";

    public static void AddRiskOfHarm(this IHostApplicationBuilder builder) =>
        builder.AddProtectedService<RiskOfHarmDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));

    public static void MapRiskOfHarmEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName);
}
