using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A statutory victim contact deadline passed: to the allocated unit's VLOs.</summary>
public sealed class VictimContactOverdueConsumer(CaseRecordDbContext db, PushRouter push, ILogger<VictimContactOverdueConsumer> logger)
    : IConsumer<VictimContactOverdue>
{
    public async Task Consume(ConsumeContext<VictimContactOverdue> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var unit = await db.Practitioners.ResponsibleInScopeAsync(person.Responsibilities, InformationClass.VictimContact,
            HubRoles.VictimLiaison, m.VictimLiaisonUnit, context.CancellationToken);
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "victim-contact.overdue",
            InformationClass = InformationClass.VictimContact, Classification = m.Classification, Priority = Priority.High,
            OccurredAt = m.OccurredAt, Summary = $"Victim contact overdue: {m.Deadline} was due {m.Due:yyyy-MM-dd}.",
            SourceReference = $"victim-contact:overdue:{m.CaseId}:{m.Deadline}",
        }, to: unit, ct: context.CancellationToken);
    }
}

public sealed class VictimContactOverdueConsumerDefinition : ConsumerDefinition<VictimContactOverdueConsumer>;
