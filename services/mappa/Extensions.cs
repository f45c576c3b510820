using MassTransit;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.Mappa.Data;

namespace PublicProtectionHub.Mappa;

public static class Extensions
{
    public const string ServiceName = "mappa";

    public static void AddMappa(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MappaDbContext>();
        builder.AddMessaging<MappaDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
    }

    public static void MapMappaEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/mappa");
    }
}
