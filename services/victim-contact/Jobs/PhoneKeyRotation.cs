using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Jobs;

/// <summary>
/// When the phone-hashing keys held change — a new current key is added, or an old one retires — every order in force
/// is re-published as <c>ProhibitedContactOrderVaried</c> with its numbers hashed under every key now held, so
/// telephone monitoring matches calls under either key during the rotation and stops holding the old hashes after it.
/// </summary>
public sealed class PhoneKeyRotation(VictimContactDbContext db, OrderEvents events, AuditLog audit, TimeProvider time) : IScheduledJob
{
    public const string Purpose = "re-hash prohibited numbers after a phone-hashing key rotation";
    public long LockKey => 0x5650_4B52_4F54; // "VPKROT"

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var held = events.HeldKeyVersions();
        var stale = await db.Orders
            .Where(o => (o.Status == OrderStatus.Active || o.Status == OrderStatus.Varied) && o.PublishedKeyVersions != held)
            .OrderBy(o => o.IssuedAt).Take(100).ToListAsync(ct);
        if (stale.Count == 0) return 0;
        var caseIds = stale.Select(o => o.CaseId).ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var now = time.GetUtcNow();
        foreach (var order in stale)
        {
            if (order.ProhibitedNumberCount == 0) order.PublishedKeyVersions = held;
            else events.Varied(order, cases[order.CaseId], now);
        }

        await audit.SaveAsync(new AuditRecord(AuditActor.System, AuditAction.Disclosure, "job phone-key-rotation",
            [.. stale.Select(o => $"order:{o.Id}")], Purpose), ct);
        return stale.Count;
    }
}
