using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.Timeline;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>
/// Records an entry on the person's timeline and delivers it, in the caller's transaction, to each
/// practitioner responsible for the person and entitled to its class. Delivery is computed once, here,
/// and kept: the inbox items are the answer to "who was told what, when". When the transaction commits, this
/// instance's open streams are handed the items (<see cref="InboxCommitInterceptor"/>) and other instances' are
/// woken by a PostgreSQL notification, which is sent only then.
/// </summary>
public sealed class PushRouter(
    CaseRecordDbContext db, AuditLog audit, InboxSignals signals, InboxCommitInterceptor commits, TimeProvider time, IOptions<PushOptions> options)
{
    public const string Purpose = "push an event to the practitioners responsible for the person";

    /// <summary>
    /// Records and delivers the entry. <paramref name="to"/> names the recipients (an escalation's duty officers);
    /// otherwise they are the person's responsible practitioners. Null when the source already recorded it.
    /// </summary>
    public async Task<TimelineEntry?> RecordAsync(Person person, TimelineEntry entry, IReadOnlyList<Recipient>? to = null,
        DeliveryReason reason = DeliveryReason.Responsible, CancellationToken ct = default)
    {
        if (await db.EnterAsWriterAsync(entry.SourceReference, ct)) return null;

        var now = time.GetUtcNow();
        entry.PersonId = person.Id;
        entry.RecordedAt = now;
        entry.EstablishmentCode ??= person.Responsibilities.InCommunity ? null : person.Responsibilities.EstablishmentCode;
        db.Timeline.Add(entry);

        var recipients = to ?? await db.Practitioners.ResponsibleForAsync(
            person.Responsibilities, entry.InformationClass, entry.OrderReference, ct);
        var escalates = entry.Priority == Priority.High && reason == DeliveryReason.Responsible;
        recipients = [.. recipients.DistinctBy(r => r.UserName)];
        var sequences = await NextSequencesAsync([.. recipients.Select(r => r.UserName)], ct);
        var items = recipients.Select(recipient => new InboxItem
        {
            UserName = recipient.UserName, Sequence = sequences[recipient.UserName], Entry = entry,
            PersonId = person.Id, Priority = entry.Priority, Reason = reason, RecipientRole = recipient.Role,
            RecipientScope = recipient.Scope, State = InboxItemState.Unread, DeliveredAt = now,
            EscalateAt = escalates ? now + options.Value.EscalateAfter : null,
        }).ToList();
        db.Inbox.AddRange(items);
        commits.Deliver(db, person, items);

        await audit.SaveAsync(new AuditRecord(AuditActor.System, AuditAction.Disclosure, $"push {entry.EventType}",
            [person.Key], Purpose, Recipients: [.. recipients.Select(r => r.UserName)]), ct);
        return entry;
    }

    // The row locks on the practitioners' counters are held until commit, so each one's items commit in sequence order:
    // a stream that has seen item n never later finds an n-1 it skipped. One statement for every recipient, in name order,
    // which also queues the notification (sent at commit) naming this instance and each recipient's new sequence.
    private async Task<Dictionary<string, long>> NextSequencesAsync(string[] userNames, CancellationToken ct)
    {
        if (userNames.Length == 0) return [];
        var rows = await db.Database.SqlQuery<SequenceRow>($"""
            WITH next AS (
                INSERT INTO push.inbox_counters (user_name, last_sequence)
                SELECT u, 1 FROM unnest({userNames}::text[]) AS u ORDER BY u
                ON CONFLICT (user_name) DO UPDATE SET last_sequence = push.inbox_counters.last_sequence + 1
                RETURNING user_name, last_sequence),
            notified AS (
                SELECT pg_notify({InboxNotifications.Channel}, {signals.Instance} || ';' || string_agg(user_name || ':' || last_sequence, ','))
                FROM next)
            SELECT next.user_name AS "UserName", next.last_sequence AS "Sequence" FROM next, notified
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.UserName, r => r.Sequence);
    }

    private sealed record SequenceRow(string UserName, long Sequence);
}
