using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring;

public static class Extensions
{
    public const string ServiceName = "telephone-monitoring";

    public static void AddTelephoneMonitoring(this IHostApplicationBuilder builder) =>
        builder.AddProtectedService<TelephoneMonitoringDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));

    public static void MapTelephoneMonitoringEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName);
}
