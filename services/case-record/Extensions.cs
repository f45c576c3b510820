using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.CaseRecord.Data;

namespace PublicProtectionHub.CaseRecord;

public static class Extensions
{
    public const string ServiceName = "case-record";

    public static void AddCaseRecord(this IHostApplicationBuilder builder) =>
        builder.AddProtectedService<CaseRecordDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));

    public static void MapCaseRecordEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName);
}
