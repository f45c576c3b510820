using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.RiskOfHarm;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>
/// A new risk of harm assessment: the levels go on the timeline (every responsible role may see levels;
/// the narrative stays in the risk-of-harm service, which victim liaison officers may not read).
/// </summary>
public sealed class RiskOfHarmAssessedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<RiskOfHarmAssessedConsumer> logger)
    : IConsumer<RiskOfHarmAssessed>
{
    public async Task Consume(ConsumeContext<RiskOfHarmAssessed> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        person.RoshCustody = m.HighestCustodyLevel.ToString();
        person.RoshCommunity = m.HighestCommunityLevel.ToString();
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "risk-of-harm", EventType = "risk-of-harm.assessed", InformationClass = InformationClass.RiskLevels,
            Classification = m.Classification, Priority = Priority.Normal, OccurredAt = m.OccurredAt,
            Summary = $"Risk of harm assessed: custody {m.HighestCustodyLevel}, community {m.HighestCommunityLevel}.",
            SourceReference = $"risk-of-harm:assessment:{m.AssessmentId}",
        }, ct: context.CancellationToken);
    }
}

public sealed class RiskOfHarmAssessedConsumerDefinition : ConsumerDefinition<RiskOfHarmAssessedConsumer>;
