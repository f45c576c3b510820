using MassTransit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts.VictimContact;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

/// <summary>A victim contact case allocated (or moved) to a unit: the unit becomes responsible for the offender (ResponsibilityChanged).</summary>
public sealed class VictimContactCaseAllocatedConsumer(
    CaseRecordDbContext db, PushRouter push, TimeProvider time, ILogger<VictimContactCaseAllocatedConsumer> logger) : IConsumer<VictimContactCaseAllocated>
{
    public async Task Consume(ConsumeContext<VictimContactCaseAllocated> context)
    {
        var m = context.Message;
        if (await db.People.AboutAsync(context, m.Person, logger) is not { } person) return;

        var changed = person.OpenVictimContactCase(m.CaseId, m.VictimLiaisonUnit, m.PreviousVictimLiaisonUnit);
        if (changed) db.RecordResponsibilityChange(person, "victim contact case allocated", time.GetUtcNow());

        var moved = m.PreviousVictimLiaisonUnit is { } previous && previous != m.VictimLiaisonUnit ? $" (from {previous})" : "";
        await push.RecordAsync(person, new TimelineEntry
        {
            Source = "victim-contact", EventType = "victim-contact-case.allocated",
            InformationClass = InformationClass.IdentityAndLocation, Classification = m.Classification, Priority = Priority.Normal,
            OccurredAt = m.OccurredAt,
            Summary = $"{(m.Statutory ? "Statutory victim contact" : "Victim contact")} case allocated to {m.VictimLiaisonUnit}{moved}.",
            SourceReference = $"victim-contact:case-allocated:{m.CaseId}:{m.OccurredAt.UtcTicks}",
        }, ct: context.CancellationToken);
    }
}

public sealed class VictimContactCaseAllocatedConsumerDefinition : ConsumerDefinition<VictimContactCaseAllocatedConsumer>;
