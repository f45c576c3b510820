using MassTransit;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact;

public static class Extensions
{
    public const string ServiceName = "victim-contact";

    public static void AddVictimContact(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<VictimContactDbContext>();
        builder.AddMessaging<VictimContactDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
    }

    public static void MapVictimContactEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/victim-contact");
    }
}
