using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring.Watchlist;

/// <summary>
/// Keeps the watchlist in step with victim contact's prohibited-contact orders. An issue or a variation carries the
/// whole of the order's numbers (as keyed hashes, of one or more key versions): what was held is replaced.
/// A revocation or expiry ends the order's numbers from when it happened. Events older than the last one applied
/// change nothing.
/// </summary>
public sealed class OrderWatchlist(TelephoneMonitoringDbContext db)
{
    public async Task ApplyTermsAsync(
        Guid orderId, string reference, PersonReference person, string kind, IReadOnlyList<ProhibitedNumberHash> numbers,
        DateTimeOffset validFrom, DateTimeOffset? validUntil, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var order = await db.ProhibitedContactOrders.FindAsync([orderId], ct);
        if (order is not null && order.LastEventAt >= occurredAt) return;
        var personKey = await PersonKeyAsync(person, ct);
        if (order is null)
        {
            order = new ProhibitedContactOrder { OrderId = orderId, OrderReference = reference, PersonKey = personKey, Kind = kind };
            db.ProhibitedContactOrders.Add(order);
        }

        order.OrderReference = reference;
        order.PersonKey = personKey;
        order.Kind = kind;
        order.ValidFrom = validFrom;
        order.ValidUntil = validUntil;
        order.LastEventAt = occurredAt;

        await db.WatchedNumbers.Where(w => w.OrderId == orderId).ExecuteDeleteAsync(ct);
        foreach (var number in numbers.DistinctBy(n => (n.Hash, n.KeyVersion)))
            db.WatchedNumbers.Add(new WatchedNumber
            {
                PersonKey = personKey, Hash = number.Hash.ToLowerInvariant(), KeyVersion = number.KeyVersion, OrderId = orderId,
                OrderReference = reference, ChildContact = order.RestrictsChildContact, ActiveFrom = validFrom, ActiveUntil = order.ActiveUntil,
            });
    }

    public async Task EndAsync(Guid orderId, string reference, PersonReference person, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var order = await db.ProhibitedContactOrders.FindAsync([orderId], ct);
        if (order is not null && order.LastEventAt >= occurredAt && order.EndedAt is not null) return;
        if (order is null)
        {
            // Ended before its issue reached us: remembered, so the late issue is recognised as older and ignored.
            order = new ProhibitedContactOrder
            {
                OrderId = orderId, OrderReference = reference, PersonKey = await PersonKeyAsync(person, ct), Kind = "unknown",
                ValidFrom = occurredAt, LastEventAt = occurredAt,
            };
            db.ProhibitedContactOrders.Add(order);
        }

        order.EndedAt = order.EndedAt is { } earlier && earlier < occurredAt ? earlier : occurredAt;
        if (occurredAt > order.LastEventAt) order.LastEventAt = occurredAt;
        var until = order.ActiveUntil;
        await db.WatchedNumbers.Where(w => w.OrderId == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ActiveUntil, until), ct);
    }

    /// <summary>Call records name prisoners by NOMS number: an order about a CRN is held under the NOMS number known for it.</summary>
    private async Task<string> PersonKeyAsync(PersonReference person, CancellationToken ct)
    {
        if (person.NomsNumber is { } noms) return noms;
        var known = await db.Set<Responsibility>().AsNoTracking()
            .Where(r => r.Crn == person.Crn && r.NomsNumber != null).Select(r => r.NomsNumber).FirstOrDefaultAsync(ct);
        return known ?? person.StreamKey;
    }
}
