using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring;

public static class Extensions
{
    public const string ServiceName = "telephone-monitoring";

    public static void AddTelephoneMonitoring(this IHostApplicationBuilder builder)
    {
        builder.AddProtectedService<TelephoneMonitoringDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
        builder.Services.AddPhoneNumberHasher(builder.Configuration);
    }

    public static void MapTelephoneMonitoringEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName);
}
