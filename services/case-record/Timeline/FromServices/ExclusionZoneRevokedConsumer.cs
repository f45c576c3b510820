using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

public sealed class ExclusionZoneRevokedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<ExclusionZoneRevokedConsumer> logger)
    : IConsumer<ExclusionZoneRevoked>
{
    public async Task Consume(ConsumeContext<ExclusionZoneRevoked> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var order = m.OrderReference is null ? "" : $" (order {m.OrderReference})";
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "exclusion-zone.revoked",
            InformationClass = InformationClass.ExclusionZone, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, OrderReference = m.OrderReference,
            Summary = $"Exclusion zone {m.ZoneId}{order} revoked.",
            SourceReference = $"victim-contact:zone-revoked:{m.ZoneId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class ExclusionZoneRevokedConsumerDefinition : ConsumerDefinition<ExclusionZoneRevokedConsumer>;
