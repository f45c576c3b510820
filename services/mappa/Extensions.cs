using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.Mappa.Data;

namespace PublicProtectionHub.Mappa;

public static class Extensions
{
    public const string ServiceName = "mappa";

    public static void AddMappa(this IHostApplicationBuilder builder) =>
        builder.AddProtectedService<MappaDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));

    public static void MapMappaEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName);
}
