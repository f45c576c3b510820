using MassTransit;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.Identity.Data;

namespace PublicProtectionHub.Identity;

public static class Extensions
{
    public const string ServiceName = "identity";

    public static void AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>();
        builder.AddMessaging<IdentityDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
    }

    public static void MapIdentityEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/identity");
    }
}
