using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>An order's new terms, for the offender's practitioners. A variation that only re-hashes numbers under a new key changes no terms.</summary>
public sealed class ProhibitedContactOrderVariedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<ProhibitedContactOrderVariedConsumer> logger)
    : IConsumer<ProhibitedContactOrderVaried>
{
    public async Task Consume(ConsumeContext<ProhibitedContactOrderVaried> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        person.Holds(m.OrderReference, inForce: true);
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "prohibited-contact-order.varied",
            InformationClass = InformationClass.ProhibitedContactOrder, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, OrderReference = m.OrderReference,
            Summary = $"Varied: {OrderTerms.Of(m.Kind, m.OrderReference, m.ValidFrom, m.ValidUntil, m.ProhibitedMeans)} {m.Summary}",
            SourceReference = $"victim-contact:order-varied:{m.OrderId}:{m.OccurredAt.UtcTicks}",
        }, ct: context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderVariedConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderVariedConsumer>;
