using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>
/// Hands the inbox items a transaction delivered to this instance's open streams once it commits, as the views
/// the database would give them, so those streams need not read them back. Nothing is handed on a rollback; if
/// the commit itself fails the recipients' streams are woken to read the database, which knows whether it happened.
/// </summary>
public sealed class InboxCommitInterceptor(InboxSignals signals) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(InboxItem Item, Person Person)>> _pending = [];

    /// <summary>In the transaction that adds the items (a context serves one operation at a time, so no lock).</summary>
    public void Deliver(DbContext db, Person person, IEnumerable<InboxItem> items) =>
        _pending.GetValue(db, _ => []).AddRange(items.Select(i => (i, person)));

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var (item, person) in Take(eventData.Context).OrderBy(p => p.Item.Sequence))
        {
            // Only what was saved: an item still Added was never written.
            if (eventData.Context!.Entry(item).State == EntityState.Unchanged) signals.Committed(ViewOf(item, person), item.UserName);
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action != "Commit") return;
        foreach (var (item, _) in Take(eventData.Context)) signals.Delivered(item.UserName, item.Sequence);
    }

    private List<(InboxItem Item, Person Person)> Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return [];
        _pending.Remove(context);
        return pending;
    }

    /// <summary>As <see cref="InboxQueries.Views"/> reads it back: times at PostgreSQL's microsecond precision, in UTC.</summary>
    private static InboxItemView ViewOf(InboxItem i, Person p) => new(
        i.Sequence, new PersonReference(p.NomsNumber, p.Crn), i.Entry!.Id, i.Entry.Source, i.Entry.EventType,
        i.Entry.InformationClass, i.Entry.Classification, i.Priority, i.Entry.Summary, Stored(i.Entry.OccurredAt), i.Reason,
        i.State, Stored(i.DeliveredAt), null, null, null, i.EscalateAt is { } at ? Stored(at) : null);

    private static DateTimeOffset Stored(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
