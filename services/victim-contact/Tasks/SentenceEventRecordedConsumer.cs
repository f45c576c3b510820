using MassTransit;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.CaseRecord;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Deadlines;

namespace PublicProtectionHub.VictimContact.Tasks;

/// <summary>
/// An event in the offender's sentence raises "inform the victim" on each open case about them that has a victim who
/// opted in, for the allocated unit, due in <see cref="WorkingDays.InformVictimWithin"/> working days:
/// <c>VictimInformationTaskRaised</c>, which names no victim.
/// </summary>
public sealed class SentenceEventRecordedConsumer(VictimContactDbContext db, WorkingDays workingDays, TimeProvider time)
    : IConsumer<SentenceEventRecorded>
{
    public async Task Consume(ConsumeContext<SentenceEventRecorded> context)
    {
        var e = context.Message;
        if (!WhatMayBeDisclosed.Known.Contains(e.SentenceEvent)) return;
        var cases = await db.Cases.About(e.Person.NomsNumber, e.Person.Crn)
            .Where(c => c.ClosedAt == null
                && db.Victims.Any(v => v.CaseId == c.Id && v.OptedIn && v.ErasedAt == null)
                && !db.Tasks.Any(t => t.CaseId == c.Id && t.SourceEventId == e.EventId))
            .ToListAsync(context.CancellationToken);
        var now = time.GetUtcNow();
        var (may, mustNot) = WhatMayBeDisclosed.For(e);
        var due = workingDays.Add(LondonDate.Today(time), WorkingDays.InformVictimWithin);
        foreach (var c in cases)
        {
            var task = new InformationTask
            {
                Id = Guid.CreateVersion7(), CaseId = c.Id, SourceEventId = e.EventId, SentenceEvent = e.SentenceEvent,
                MayDisclose = may, MustNotDisclose = mustNot, Due = due, RaisedAt = now,
            };
            db.Tasks.Add(task);
            db.AddOutboxMessage(new VictimInformationTaskRaised(task.Id, c.Id, c.Person, c.VictimLiaisonUnit, e.SentenceEvent, may, mustNot, due, now,
                Classification.OfficialSensitive), c.Person.StreamKey);
        }
    }
}

public sealed class SentenceEventRecordedConsumerDefinition : ConsumerDefinition<SentenceEventRecordedConsumer>;
