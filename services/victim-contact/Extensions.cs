using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact;

public static class Extensions
{
    public const string ServiceName = "victim-contact";

    public static void AddVictimContact(this IHostApplicationBuilder builder)
    {
        builder.AddProtectedService<VictimContactDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
        builder.Services.AddPhoneNumberHasher(builder.Configuration);
    }

    public static void MapVictimContactEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName);
}
