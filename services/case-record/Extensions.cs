using MassTransit;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.CaseRecord.Data;

namespace PublicProtectionHub.CaseRecord;

public static class Extensions
{
    public const string ServiceName = "case-record";

    public static void AddCaseRecord(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CaseRecordDbContext>();
        builder.AddMessaging<CaseRecordDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
    }

    public static void MapCaseRecordEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/case-record");
    }
}
