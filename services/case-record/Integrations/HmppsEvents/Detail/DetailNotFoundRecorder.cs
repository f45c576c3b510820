using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

/// <summary>
/// Records an event whose detail the HMPPS API does not have as <see cref="HmppsEventOutcome.DetailNotFound"/>, with its
/// audit entry, and changes nothing else; the same event again is a replay, as with <see cref="HmppsEventHandler"/>.
/// </summary>
public sealed class DetailNotFoundRecorder(CaseRecordDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task RecordAsync(HmppsEvent e, AuditRecordFactory auditRecord, CancellationToken ct)
    {
        // From the queue the inbox's transaction is already open: join it, and let the inbox commit.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var replayKey = ReceivedHmppsEvent.ReplayKeyOf(e);
        if (await HmppsEventHandler.LockAndCheckReplayAsync(db, e, replayKey, lockPerson: false, ct)) return;

        var received = new ReceivedHmppsEvent
        {
            Id = Guid.CreateVersion7(), ReplayKey = replayKey, EventType = e.EventType, Kind = HmppsEventTypes.KindOf(e),
            OccurredAt = e.OccurredAt, BodyHash = e.BodyHash, NomsNumber = HmppsEventRules.NomsNumberOf(e), Crn = e.Person.Crn,
            ReceivedAt = time.GetUtcNow(), Outcome = HmppsEventOutcome.DetailNotFound,
        };
        db.HmppsEvents.Add(received);
        var records = new[] { received.NomsNumber ?? received.Crn }.OfType<string>().ToArray();
        await audit.SaveAsync(auditRecord(AuditAction.Collection, records,
            $"{HmppsEventHandler.Purpose}: {e.EventType} ({received.Outcome})"), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }
}
