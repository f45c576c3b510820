using Npgsql;
using NpgsqlTypes;
using PublicProtectionHub.PhoneNumbers;

namespace PublicProtectionHub.TelephoneMonitoring.Features.ScreenNumber;

/// <summary>
/// The screening lookup: which prohibited-contact order in force forbids a prisoner a number, if any. One prepared
/// statement on a pool of its own, with no unit of work around it: the provider asks before every call, a thousand
/// times a second, and an EF context per question costs more than the question.
/// </summary>
public sealed class ProhibitedNumbers(IConfiguration configuration) : IAsyncDisposable
{
    // A lookup holds its connection for well under a millisecond, so a few suffice; under overload, questions queue here
    // for one rather than opening more until PostgreSQL refuses every service new connections.
    private readonly NpgsqlDataSource _database = new NpgsqlDataSourceBuilder(
        new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Database")) { MaxAutoPrepare = 4, MaxPoolSize = 16 }.ConnectionString).Build();

    /// <summary>The forbidding order's reference (a child contact restriction first), or null.</summary>
    public async Task<string?> OrderForbiddingAsync(string noms, IReadOnlyList<KeyedPhoneHash> hashes, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = _database.CreateCommand("""
            SELECT "OrderReference" FROM watchlist.watched_numbers
            WHERE "PersonKey" = $1 AND "OrderId" IS NOT NULL AND "OrderReference" IS NOT NULL
              AND ("Hash", "KeyVersion") IN (SELECT * FROM unnest($2::text[], $3::int[]))
              AND "ActiveFrom" <= $4 AND ("ActiveUntil" IS NULL OR "ActiveUntil" > $4)
            ORDER BY "ChildContact" DESC
            LIMIT 1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = noms });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. hashes.Select(h => h.Hash)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. hashes.Select(h => h.KeyVersion)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
