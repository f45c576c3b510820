using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Demo;
using PublicProtectionHub.CaseRecord.Features.GetPerson;
using PublicProtectionHub.CaseRecord.Features.RegisterPerson;

namespace PublicProtectionHub.CaseRecord;

public static class Extensions
{
    public const string ServiceName = "case-record";

    public static void AddCaseRecord(this IHostApplicationBuilder builder)
    {
        builder.AddProtectedService<CaseRecordDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
        builder.Services.AddScoped<RegisterPersonHandler>();
        builder.Services.AddHostedService<DemoRegister>();
    }

    public static void MapCaseRecordEndpoints(this WebApplication app) =>
        app.MapProtectedServiceApi(ServiceName)
            .MapGetPerson();
}
