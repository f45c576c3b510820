using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Timeline;

namespace PublicProtectionHub.CaseRecord.Push.Escalation;

/// <summary>
/// Finds high-priority items nobody acknowledged within <see cref="PushOptions.EscalateAfter"/> and tells the duty
/// officer of the same establishment or unit. The escalation is an entry on the person's timeline of its own,
/// pushed and recorded like any other, and each overdue item escalates once.
/// </summary>
public sealed partial class EscalationSweep(
    CaseRecordDbContext db, PushRouter push, TimeProvider time, IOptions<PushOptions> options, ILogger<EscalationSweep> logger)
{
    /// <returns>How many overdue items were escalated.</returns>
    /// <remarks>
    /// One timeline entry's overdue items per transaction, the oldest first: each escalation is a push, and a push holds the
    /// audit chain's lock until its transaction commits, so a backlog swept fifty at a time held every live push back for
    /// as long as the fifty took. Another sweeper's entry is skipped, not waited for.
    /// </remarks>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var overdue = await db.Inbox
            .FromSql($"""
                SELECT * FROM push.inbox_items
                WHERE "EscalateAt" <= {now} AND "AcknowledgedAt" IS NULL AND "EscalatedAt" IS NULL AND "EscalateAt" IS NOT NULL
                  AND "TimelineEntryId" = (
                    SELECT "TimelineEntryId" FROM push.inbox_items
                    WHERE "EscalateAt" <= {now} AND "AcknowledgedAt" IS NULL AND "EscalatedAt" IS NULL AND "EscalateAt" IS NOT NULL
                    ORDER BY "EscalateAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (overdue.Count == 0) return 0;
        var entryIds = overdue.Select(i => i.TimelineEntryId).Distinct().ToList();
        await db.Timeline.Where(e => entryIds.Contains(e.Id)).LoadAsync(ct);

        // One escalation per entry and duty scope: a prison's security and OMU share one duty officer.
        foreach (var group in overdue.GroupBy(i => (i.TimelineEntryId, DutyScope: Recipients.DutyScopeOf(i.RecipientRole, i.RecipientScope))))
        {
            var first = group.First();
            var original = first.Entry!;
            var person = await db.People.SingleAsync(p => p.Id == original.PersonId, ct);
            var duty = await db.Practitioners.DutyOfficersAsync(first.RecipientRole, first.RecipientScope, ct);
            var missed = string.Join(", ", group.Select(i => i.UserName).Order());
            if (duty.Count == 0) LogNoDutyOfficer(first.RecipientRole, first.RecipientScope ?? "none", original.Id);

            await push.RecordAsync(person, new TimelineEntry
            {
                Source = "case-record", EventType = "escalation", InformationClass = original.InformationClass,
                Classification = original.Classification, Priority = Priority.High, OrderReference = original.OrderReference,
                OccurredAt = now, SourceReference = $"escalation:{original.Id}:{group.Key.DutyScope}",
                Summary = Truncate($"Not acknowledged within {options.Value.EscalateAfter.TotalMinutes:0} minutes by {missed}: {original.Summary}"),
            }, duty, DeliveryReason.Escalation, ct);
            foreach (var item in group) item.EscalatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return overdue.Count;
    }

    private static string Truncate(string summary) => summary.Length <= 2000 ? summary : summary[..1997] + "...";

    [LoggerMessage(LogLevel.Warning, "No duty officer for {Role} at {Scope}: escalation of timeline entry {EntryId} recorded with nobody to tell")]
    private partial void LogNoDutyOfficer(string role, string scope, long entryId);
}
