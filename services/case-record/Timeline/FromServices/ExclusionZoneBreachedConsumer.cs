using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>
/// The person was inside a zone when they must not be: high priority to every responsible practitioner,
/// the allocated VLO first among them so the victim can be warned; escalated when nobody acknowledges it.
/// </summary>
public sealed class ExclusionZoneBreachedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<ExclusionZoneBreachedConsumer> logger)
    : IConsumer<ExclusionZoneBreached>
{
    public async Task Consume(ConsumeContext<ExclusionZoneBreached> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var order = m.OrderReference is null ? "" : $" (order {m.OrderReference})";
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "exclusion-zone.breached",
            InformationClass = InformationClass.ExclusionZone, Classification = m.Classification, Priority = Priority.High,
            OccurredAt = m.OccurredAt, OrderReference = m.OrderReference,
            Summary = $"Exclusion zone breach{order}: warn the victim. {m.Summary}",
            SourceReference = $"victim-contact:zone-breached:{m.BreachId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class ExclusionZoneBreachedConsumerDefinition : ConsumerDefinition<ExclusionZoneBreachedConsumer>;
