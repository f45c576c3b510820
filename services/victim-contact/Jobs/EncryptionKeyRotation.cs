using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Encryption;
using PublicProtectionHub.VictimContact.Orders;

namespace PublicProtectionHub.VictimContact.Jobs;

/// <summary>
/// After <c>VictimContact:Encryption:CurrentKeyVersion</c> changes, re-encrypts victims' details, contact-log notes and
/// orders' numbers and addresses still under an older key, in batches, so the old key can be removed once none is left
/// (<c>SELECT DISTINCT "KeyVersion"</c> on the three tables shows what is still in use).
/// </summary>
public sealed class EncryptionKeyRotation(VictimContactDbContext db, PersonalDataProtector protector, AuditLog audit) : IScheduledJob
{
    public const string Purpose = "re-encrypt personal details under the current encryption key";
    private const int Batch = 100;
    public long LockKey => 0x5650_454B_524F; // "VPEKRO"

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var current = protector.CurrentVersion;
        var victims = await db.Victims.Where(v => v.KeyVersion != current).OrderBy(v => v.AddedAt).Take(Batch).ToListAsync(ct);
        foreach (var v in victims)
        {
            v.Name = Again(v.Name, v.Id, nameof(Victim.Name), v.KeyVersion);
            v.Address = Again(v.Address, v.Id, nameof(Victim.Address), v.KeyVersion);
            v.PhoneNumbers = Again(v.PhoneNumbers, v.Id, nameof(Victim.PhoneNumbers), v.KeyVersion);
            v.Email = Again(v.Email, v.Id, nameof(Victim.Email), v.KeyVersion);
            v.PreferredContactMethod = Again(v.PreferredContactMethod, v.Id, nameof(Victim.PreferredContactMethod), v.KeyVersion);
            v.Needs = Again(v.Needs, v.Id, nameof(Victim.Needs), v.KeyVersion);
            v.KeyVersion = current;
        }

        var notes = await db.ContactLog.Where(e => e.KeyVersion != current).OrderBy(e => e.RecordedAt).Take(Batch).ToListAsync(ct);
        foreach (var e in notes)
        {
            e.Notes = Again(e.Notes, e.Id, nameof(ContactLogEntry.Notes), e.KeyVersion);
            e.KeyVersion = current;
        }

        var orders = await db.Orders.Where(o => o.KeyVersion != current).OrderBy(o => o.IssuedAt).Take(Batch).ToListAsync(ct);
        foreach (var o in orders)
        {
            o.ProhibitedNumbers = Again(o.ProhibitedNumbers, o.Id, nameof(ProhibitedContactOrder.ProhibitedNumbers), o.KeyVersion);
            o.ProhibitedAddresses = Again(o.ProhibitedAddresses, o.Id, nameof(ProhibitedContactOrder.ProhibitedAddresses), o.KeyVersion);
            o.KeyVersion = current;
        }

        var done = victims.Count + notes.Count + orders.Count;
        if (done == 0) return 0;
        await audit.SaveAsync(new AuditRecord(AuditActor.System, AuditAction.Alteration, "job encryption-key-rotation",
            [.. victims.Select(v => CaseAccess.VictimRecord(v.Id)), .. notes.Select(e => $"contact:{e.Id}"), .. orders.Select(o => $"order:{o.Id}")],
            Purpose), ct);
        return done;
    }

    private byte[]? Again(byte[]? stored, Guid row, string column, int version) =>
        protector.Decrypt(stored, row, column, version) is { } plain ? protector.Encrypt(plain, row, column, protector.CurrentVersion) : null;
}
