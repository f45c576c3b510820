using Npgsql;

namespace PublicProtectionHub.Messaging.Outbox;

/// <summary>
/// One dispatcher per database: the active one holds a session-level advisory lock on its own
/// connection. If its process dies the connection drops, PostgreSQL releases the lock and a
/// stand-by takes over.
/// </summary>
internal sealed class DispatcherLeadership(string connectionString) : IAsyncDisposable
{
    // Any fixed key will do: advisory locks are scoped to the database.
    private const long LockKey = 0x5050_485F_4F42; // "PPH_OB"
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private NpgsqlConnection? _connection;
    private DateTimeOffset _lastChecked;

    public async Task<bool> TryHoldAsync(CancellationToken ct)
    {
        try
        {
            if (_connection is { State: System.Data.ConnectionState.Open })
            {
                if (DateTimeOffset.UtcNow - _lastChecked < CheckEvery) return true;
                await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                await ping.ExecuteScalarAsync(ct);
                _lastChecked = DateTimeOffset.UtcNow;
                return true;
            }

            await ReleaseAsync();
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "outbox-dispatcher" };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                _connection = connection;
                _lastChecked = DateTimeOffset.UtcNow;
                return true;
            }

            await connection.DisposeAsync();
            return false;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await ReleaseAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();

    private async Task ReleaseAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }
}
