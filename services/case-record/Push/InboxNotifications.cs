using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicProtectionHub.CaseRecord.Data;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>
/// Listens on the PostgreSQL channel that <see cref="PushRouter"/> notifies in its transaction. PostgreSQL
/// sends the notification only when that transaction commits, so a stream woken by it finds the items. The payload
/// names the instance that committed and each recipient's new sequence; an instance's own commits reach its
/// streams in memory (<see cref="InboxCommitInterceptor"/>), so it passes over its own notifications.
/// </summary>
public sealed partial class InboxNotifications(
    IServiceScopeFactory scopes, InboxSignals signals, TimeProvider time, ILogger<InboxNotifications> logger) : BackgroundService
{
    public const string Channel = "inbox_delivered";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        using (var scope = scopes.CreateScope())
            connectionString = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>().Database.GetConnectionString()!;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Received(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                signals.DeliveredToEveryone(); // anything committed while not listening is read now
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(e.GetType().Name);
                signals.DeliveredToEveryone();
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    private void Received(string payload)
    {
        foreach (var (userName, sequence) in CommittedElsewhere(payload, signals.Instance)) signals.Delivered(userName, sequence);
    }

    /// <summary>
    /// The deliveries a payload (<c>instance;user:sequence,user:sequence…</c>) names, unless <paramref name="instance"/>
    /// committed them: its own streams were handed those in memory.
    /// </summary>
    public static IEnumerable<(string UserName, long Sequence)> CommittedElsewhere(string payload, string instance)
    {
        var separator = payload.IndexOf(';');
        if (separator < 0 || payload.AsSpan(0, separator).SequenceEqual(instance)) yield break;
        foreach (var delivery in payload[(separator + 1)..].Split(','))
        {
            var colon = delivery.LastIndexOf(':');
            if (colon > 0 && long.TryParse(delivery.AsSpan(colon + 1), out var sequence)) yield return (delivery[..colon], sequence);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Lost the inbox notification connection ({ErrorType}); reconnecting")]
    private partial void LogListenFailed(string errorType);
}
