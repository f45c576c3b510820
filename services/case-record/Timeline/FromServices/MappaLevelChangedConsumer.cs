using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts.Mappa;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A MAPPA category or level change: the register's MAPPA picture, the MAPPA area's responsibility, the timeline.</summary>
public sealed class MappaLevelChangedConsumer(CaseRecordDbContext db, PushRouter push, TimeProvider time, ILogger<MappaLevelChangedConsumer> logger)
    : IConsumer<MappaLevelChanged>
{
    public async Task Consume(ConsumeContext<MappaLevelChanged> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        person.Flags.MappaNominal = true;
        person.MappaCategory = m.Category;
        person.MappaLevel = m.Level;
        if (person.Responsibilities.MappaArea != m.MappaArea)
        {
            person.Responsibilities.MappaArea = m.MappaArea;
            db.RecordResponsibilityChange(person, "MAPPA area from the MAPPA service", time.GetUtcNow());
        }

        var review = m.NextReviewDate is { } date ? $"; next review {date:yyyy-MM-dd}" : "";
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "mappa", EventType = "mappa.level-changed", InformationClass = InformationClass.MappaStatus,
            Classification = m.Classification, Priority = Priority.Normal, OccurredAt = m.OccurredAt,
            Summary = $"MAPPA category {m.Category}, level {m.Level} ({m.MappaArea}){review}.",
            SourceReference = $"mappa:level-changed:{context.MessageId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class MappaLevelChangedConsumerDefinition : ConsumerDefinition<MappaLevelChangedConsumer>;
