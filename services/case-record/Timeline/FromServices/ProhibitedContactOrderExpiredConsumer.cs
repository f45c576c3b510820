using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

public sealed class ProhibitedContactOrderExpiredConsumer(CaseRecordDbContext db, PushRouter push, ILogger<ProhibitedContactOrderExpiredConsumer> logger)
    : IConsumer<ProhibitedContactOrderExpired>
{
    public async Task Consume(ConsumeContext<ProhibitedContactOrderExpired> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        person.Holds(m.OrderReference, inForce: false);
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "prohibited-contact-order.expired",
            InformationClass = InformationClass.ProhibitedContactOrder, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, OrderReference = m.OrderReference,
            Summary = $"Order {m.OrderReference} expired on {m.OccurredAt:yyyy-MM-dd}.",
            SourceReference = $"victim-contact:order-expired:{m.OrderId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderExpiredConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderExpiredConsumer>;
