using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A victim contact case closed: its unit stops being responsible unless it has another open case about the person.</summary>
public sealed class VictimContactCaseClosedConsumer(
    CaseRecordDbContext db, PushRouter push, TimeProvider time, ILogger<VictimContactCaseClosedConsumer> logger) : IConsumer<VictimContactCaseClosed>
{
    public async Task Consume(ConsumeContext<VictimContactCaseClosed> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        // Recorded first, while the unit is still responsible and so is told.
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "victim-contact-case.closed",
            InformationClass = InformationClass.IdentityAndLocation, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt, Summary = $"Victim contact case of {m.VictimLiaisonUnit} closed.",
            SourceReference = $"victim-contact:case-closed:{m.CaseId}",
        }, ct: context.CancellationToken);
        if (person.CloseVictimContactCase(m.CaseId))
            db.RecordResponsibilityChange(person, "victim contact case closed", time.GetUtcNow());
    }
}

public sealed class VictimContactCaseClosedConsumerDefinition : ConsumerDefinition<VictimContactCaseClosedConsumer>;
