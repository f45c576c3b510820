using MassTransit;
using PublicProtectionHub.Audit;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// HMPPS domain events from RabbitMQ: raw JSON envelopes on the topic exchange
/// <see cref="HmppsDomainEventQueue.Exchange"/>, routing key = <c>eventType</c>, applied exactly as
/// the HTTP intake applies them. A malformed envelope is rejected to the error queue without retries.
/// </summary>
[ExcludeFromConfigureEndpoints]
public sealed class HmppsDomainEventConsumer(HmppsEventHandler handler) : IConsumer<HmppsDomainEventEnvelope>
{
    private static readonly AuditActor Queue = new("hmpps-domain-events-queue", HubRoles.Machine, "hmpps", null);

    public async Task Consume(ConsumeContext<HmppsDomainEventEnvelope> context)
    {
        var (e, errors) = HmppsEventReader.Read(context.ReceiveContext.Body.GetBytes());
        if (e is null)
            throw new MessageRejectedException($"Not a valid HMPPS event; fields: {string.Join(", ", errors.Keys)}");

        await handler.HandleAsync(e, (action, records, purpose) =>
            new AuditRecord(Queue, action, $"queue {HmppsDomainEventQueue.Name}", records, purpose,
                CorrelationId: context.MessageId?.ToString("N")), context.CancellationToken);
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
