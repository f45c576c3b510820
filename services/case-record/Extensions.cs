using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Demo;
using PublicProtectionHub.CaseRecord.Features.GetPerson;
using PublicProtectionHub.CaseRecord.Features.ReceiveHmppsEvent;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;
using PublicProtectionHub.CaseRecord.Features.RegisterPerson;

namespace PublicProtectionHub.CaseRecord;

public static class Extensions
{
    public const string ServiceName = "case-record";

    public static void AddCaseRecord(this IHostApplicationBuilder builder)
    {
        builder.AddProtectedService<CaseRecordDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
        builder.Services.AddScoped<RegisterPersonHandler>();
        builder.Services.AddScoped<HmppsEventHandler>();
        builder.Services.AddHmppsEventsPolicy();
        builder.Services.AddHostedService<DemoRegister>();
    }

    public static void MapCaseRecordEndpoints(this WebApplication app)
    {
        app.MapProtectedServiceApi(ServiceName)
            .MapGetPerson();

        // Machine clients' endpoints: outside the people-only group, each with its own policy.
        app.MapReceiveHmppsEvent(ServiceName);
    }
}
