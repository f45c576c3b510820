using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Users;

/// <summary>
/// Publishes the current state of every practitioner account, in one transaction with the outbox, so
/// case-record's directory holds accounts created or changed before identity published them. Consumers
/// keep the newest state, so repeating it at every start changes nothing.
/// </summary>
internal sealed class PractitionerDirectorySnapshot(IdentityDbContext db, TimeProvider time)
{
    public async Task<int> PublishAsync(CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // An account change in flight commits before this reads; a later one waits for this commit and is
        // stamped after it (UserAccounts stamps after writing the row), so the snapshot never wins over it.
        var users = db.Model.FindEntityType(typeof(HubUser))!;
        var lockUsers = "LOCK TABLE " + db.GetService<ISqlGenerationHelper>().DelimitIdentifier(users.GetTableName()!, users.GetSchema()) + " IN SHARE MODE";
        await db.Database.ExecuteSqlRawAsync(lockUsers, ct);
        var at = time.GetUtcNow();

        var roles = HubRoles.Practitioners.ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => roles.Contains(u.Role)).OrderBy(u => u.UserName).ToListAsync(ct);
        var ids = accounts.Select(u => u.Id).ToList();
        var claims = (await db.UserClaims.AsNoTracking().Where(c => ids.Contains(c.UserId)).ToListAsync(ct))
            .ToLookup(c => c.UserId, c => KeyValuePair.Create(c.ClaimType ?? "", c.ClaimValue ?? ""));
        foreach (var user in accounts)
            PractitionerAccountEvents.Add(db, user, claims[user.Id], at);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return accounts.Count;
    }
}
