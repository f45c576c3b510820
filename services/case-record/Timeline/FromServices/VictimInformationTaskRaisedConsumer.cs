using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>"Inform the victim": to the allocated unit's VLOs only, with what may and may not be disclosed.</summary>
public sealed class VictimInformationTaskRaisedConsumer(CaseRecordDbContext db, PushRouter push, ILogger<VictimInformationTaskRaisedConsumer> logger)
    : IConsumer<VictimInformationTaskRaised>
{
    public async Task Consume(ConsumeContext<VictimInformationTaskRaised> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var unit = await db.Practitioners.ResponsibleInScopeAsync(person.Responsibilities, InformationClass.VictimContact,
            HubRoles.VictimLiaison, m.VictimLiaisonUnit, context.CancellationToken);
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "victim-information-task.raised",
            InformationClass = InformationClass.VictimContact, Classification = m.Classification, Priority = Priority.High,
            OccurredAt = m.OccurredAt,
            Summary = $"Inform the victim ({m.SentenceEvent}) by {m.Due:yyyy-MM-dd}. May disclose: {string.Join("; ", m.MayDisclose)}. " +
                      $"Must not disclose: {string.Join("; ", m.MustNotDisclose)}.",
            SourceReference = $"victim-contact:information-task:{m.TaskId}",
        }, to: unit, ct: context.CancellationToken);
    }
}

public sealed class VictimInformationTaskRaisedConsumerDefinition : ConsumerDefinition<VictimInformationTaskRaisedConsumer>;
