using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A zone's terms for the offender's practitioners; its shape is read from victim-contact (<c>…/people/{identifier}/exclusion-zones</c>).</summary>
public sealed class ExclusionZoneVariedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<ExclusionZoneVariedConsumer> logger)
    : IConsumer<ExclusionZoneVaried>
{
    public async Task Consume(ConsumeContext<ExclusionZoneVaried> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        await push.RecordAsync(person, OrderTerms.ZoneEntry("Varied", m.ZoneId, m.OrderReference, m.Name, m.ValidFrom, m.ValidUntil, m.Windows,
            m.OccurredAt, m.Classification), ct: context.CancellationToken);
    }
}

public sealed class ExclusionZoneVariedConsumerDefinition : ConsumerDefinition<ExclusionZoneVariedConsumer>;
