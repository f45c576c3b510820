using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.TelephoneMonitoring.Data;

namespace PublicProtectionHub.TelephoneMonitoring.Watchlist;

/// <summary>
/// Which watched number, if any, each call hit: the dialled number's hashes under every key held against the
/// person's watchlist entries in force when the call started. One query for a whole batch.
/// </summary>
public sealed class WatchlistMatcher(TelephoneMonitoringDbContext db)
{
    public sealed record Dialled(string NomsNumber, IReadOnlyList<KeyedPhoneHash> Hashes, DateTimeOffset At);

    /// <returns>For each call in order, the entry it matched or null. A child contact restriction wins over another match, then an order over a number of concern.</returns>
    public async Task<IReadOnlyList<WatchedNumber?>> MatchAsync(IReadOnlyList<Dialled> calls, CancellationToken ct)
    {
        if (calls.Count == 0) return [];
        var people = calls.Select(c => c.NomsNumber).Distinct().ToArray();
        var hashes = calls.SelectMany(c => c.Hashes.Select(h => h.Hash)).Distinct().ToArray();
        var entries = await db.WatchedNumbers.AsNoTracking()
            .Where(w => people.Contains(w.PersonKey) && hashes.Contains(w.Hash))
            .ToListAsync(ct);
        if (entries.Count == 0) return new WatchedNumber?[calls.Count];

        var byPersonAndHash = entries.ToLookup(w => (w.PersonKey, w.Hash, w.KeyVersion));
        return [.. calls.Select(call => call.Hashes
            .SelectMany(h => byPersonAndHash[(call.NomsNumber, h.Hash, h.KeyVersion)])
            .Where(w => w.IsActiveAt(call.At))
            .OrderByDescending(w => w.ChildContact).ThenByDescending(w => w.OrderId is not null).ThenBy(w => w.Id)
            .FirstOrDefault())];
    }
}
