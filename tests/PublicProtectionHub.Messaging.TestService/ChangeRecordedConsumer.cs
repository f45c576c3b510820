using MassTransit;

namespace PublicProtectionHub.Messaging.TestService;

public sealed class ChangeRecordedConsumer(BackboneDbContext db, TimeProvider time) : IConsumer<ChangeRecorded>
{
    /// <summary>Lets the benchmark time the moment a change reaches its consumer.</summary>
    public static Action<ChangeRecorded>? Consumed { get; set; }

    public Task Consume(ConsumeContext<ChangeRecorded> context)
    {
        var change = context.Message;
        Consumed?.Invoke(change);
        if (change.Poison) throw new MessageRejectedException("The change is marked as poison.");

        db.Effects.Add(new Effect
        {
            ChangeId = change.ChangeId,
            StreamId = change.StreamId,
            Position = change.Position,
            MessageId = context.MessageId!.Value,
            ProcessId = Environment.ProcessId,
            CommittedAt = change.CommittedAt,
            ConsumedAt = time.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

/// <summary>One message at a time, so the order the consumer sees is the order the broker delivered.</summary>
public sealed class ChangeRecordedConsumerDefinition : ConsumerDefinition<ChangeRecordedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ChangeRecordedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 1;
}
