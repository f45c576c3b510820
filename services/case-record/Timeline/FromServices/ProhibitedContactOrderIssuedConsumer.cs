using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A prohibited-contact order: its terms (never the protected people's details) for the offender's practitioners.</summary>
public sealed class ProhibitedContactOrderIssuedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<ProhibitedContactOrderIssuedConsumer> logger)
    : IConsumer<ProhibitedContactOrderIssued>
{
    public async Task Consume(ConsumeContext<ProhibitedContactOrderIssued> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        person.Holds(m.OrderReference, inForce: true);
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "prohibited-contact-order.issued",
            InformationClass = InformationClass.ProhibitedContactOrder, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, OrderReference = m.OrderReference,
            Summary = $"{OrderTerms.Of(m.Kind, m.OrderReference, m.ValidFrom, m.ValidUntil, m.ProhibitedMeans)} {m.Summary}",
            SourceReference = $"victim-contact:order-issued:{m.OrderId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class ProhibitedContactOrderIssuedConsumerDefinition : ConsumerDefinition<ProhibitedContactOrderIssuedConsumer>;
