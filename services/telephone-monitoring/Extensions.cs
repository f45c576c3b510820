using MassTransit;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring;

public static class Extensions
{
    public const string ServiceName = "telephone-monitoring";

    public static void AddTelephoneMonitoring(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TelephoneMonitoringDbContext>();
        builder.AddMessaging<TelephoneMonitoringDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
    }

    public static void MapTelephoneMonitoringEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/telephone-monitoring");
    }
}
