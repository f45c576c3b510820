using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>An order no longer in force: it leaves the person's risk picture (arrival screening) and the timeline says so.</summary>
public sealed class ProhibitedContactOrderRevokedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<ProhibitedContactOrderRevokedConsumer> logger)
    : IConsumer<ProhibitedContactOrderRevoked>
{
    public async Task Consume(ConsumeContext<ProhibitedContactOrderRevoked> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        person.Holds(m.OrderReference, inForce: false);
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "prohibited-contact-order.revoked",
            InformationClass = InformationClass.ProhibitedContactOrder, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, OrderReference = m.OrderReference,
            Summary = $"Order {m.OrderReference} revoked. {m.Summary}",
            SourceReference = $"victim-contact:order-revoked:{m.OrderId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderRevokedConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderRevokedConsumer>;
