using MassTransit;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// HMPPS domain events from RabbitMQ: raw JSON envelopes on the topic exchange
/// <see cref="HmppsDomainEventQueue.Exchange"/>, routing key = <c>eventType</c>, applied exactly as
/// the HTTP intake applies them, detail fetched first where needed. A malformed envelope is rejected to the error queue
/// without retries; one whose detail cannot be fetched now is retried, then goes to the error queue, never acknowledged.
/// </summary>
[ExcludeFromConfigureEndpoints]
public sealed class HmppsDomainEventConsumer(HmppsEventDetails details, DetailNotFoundRecorder notFound, HmppsEventHandler handler)
    : IConsumer<HmppsDomainEventEnvelope>
{
    private static readonly AuditActor Queue = new("hmpps-domain-events-queue", HubRoles.Machine, "hmpps", null);

    /// <exception cref="HmppsDetailUnavailableException">The detail could not be fetched: retried, then the error queue.</exception>
    public async Task Consume(ConsumeContext<HmppsDomainEventEnvelope> context)
    {
        var (e, errors) = HmppsEventReader.Read(context.ReceiveContext.Body.GetBytes());
        if (e is null)
            throw new MessageRejectedException($"Not a valid HMPPS event; fields: {string.Join(", ", errors.Keys)}");

        var enriched = await details.EnrichAsync(e, context.CancellationToken);
        if (enriched.Errors.Count > 0)
            throw new MessageRejectedException($"Not a valid HMPPS event; fields: {string.Join(", ", enriched.Errors.Keys)}");

        AuditRecordFactory audit = (action, records, purpose) =>
            new AuditRecord(Queue, action, $"queue {HmppsDomainEventQueue.Name}", records, purpose, CorrelationId: context.MessageId?.ToString("N"));
        if (enriched.DetailNotFound) await notFound.RecordAsync(enriched.Event, audit, context.CancellationToken);
        else await handler.HandleAsync(enriched.Event, audit, context.CancellationToken);
    }
}

/// <summary>What the raw JSON is bound to; the handler reads the body itself, so its hash is of what was sent.</summary>
public sealed record HmppsDomainEventEnvelope(string? EventType);

/// <summary>The queue bound to the HMPPS domain-event exchange by each event type the hub applies.</summary>
public static class HmppsDomainEventQueue
{
    public const string Exchange = "hmpps.domain-events";
    public const string Name = "case-record-hmpps-domain-events";

    /// <param name="quorumReplicas">The quorum queue's replicas, or null for a classic queue (as <c>Messaging:QueueType</c> says).</param>
    public static void ConfigureHmppsDomainEventQueue(this IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, int? quorumReplicas) =>
        cfg.ReceiveEndpoint(Name, e =>
        {
            e.ConfigureConsumeTopology = false;
            e.ClearSerialization();
            e.UseRawJsonSerializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            if (quorumReplicas is { } replicas) e.SetQuorumQueue(replicas);
            foreach (var eventType in HmppsEventTypes.All)
                e.Bind(Exchange, b =>
                {
                    b.ExchangeType = "topic";
                    b.RoutingKey = eventType;
                });
            e.ConfigureConsumer<HmppsDomainEventConsumer>(context);
        });
}
