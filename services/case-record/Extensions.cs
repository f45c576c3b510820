using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Demo;
using PublicProtectionHub.CaseRecord.Features.GetDeliveries;
using PublicProtectionHub.CaseRecord.Features.GetIntelligenceFeed;
using PublicProtectionHub.CaseRecord.Features.GetPerson;
using PublicProtectionHub.CaseRecord.Feeds;
using PublicProtectionHub.CaseRecord.Features.GetTimeline;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Features.ReceiveHmppsEvent;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;
using PublicProtectionHub.CaseRecord.Features.RegisterPerson;
using PublicProtectionHub.CaseRecord.SecureMessages;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.CaseRecord;

public static class Extensions
{
    public const string ServiceName = "case-record";

    public static void AddCaseRecord(this IHostApplicationBuilder builder)
    {
        var messaging = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.AddProtectedService<CaseRecordDbContext>(ServiceName,
            consumers => consumers.AddConsumers(typeof(Extensions).Assembly),
            (context, bus) => bus.ConfigureHmppsDomainEventQueue(context, messaging.QueueType == QueueType.Quorum ? messaging.QuorumReplicas : null));
        builder.Services.AddScoped<RegisterPersonHandler>();
        builder.Services.AddScoped<HmppsEventHandler>();
        builder.Services.AddScoped<HmppsTimeline>();
        builder.Services.AddSingleton<SentenceEvents>();
        builder.AddHmppsEventDetails();
        builder.Services.AddScoped<ThreadAccess>();
        builder.Services.AddHmppsEventsPolicy();
        builder.Services.AddHostedService<DemoRegister>();
        builder.AddPush();
        builder.AddIntelligenceFeed();
    }

    public static void MapCaseRecordEndpoints(this WebApplication app)
    {
        app.MapProtectedServiceApi(ServiceName)
            .MapGetPerson()
            .MapGetTimeline()
            .MapGetDeliveries()
            .MapInbox()
            .MapSecureMessages();

        // Machine clients' endpoints: outside the people-only group, each with its own policy.
        app.MapReceiveHmppsEvent(ServiceName);
        app.MapGetIntelligenceFeed(ServiceName);
    }
}
