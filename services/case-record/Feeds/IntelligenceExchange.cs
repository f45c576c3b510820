using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.Messaging;
using RabbitMQ.Client;

namespace PublicProtectionHub.CaseRecord.Feeds;

/// <summary>
/// Relays the intelligence feed to RabbitMQ: one topic exchange per force, <c>public-protection.intelligence.{force}</c>,
/// each item in the HMPPS envelope with routing key = its <c>eventType</c>. The timeline is the outbox: the position
/// moves only after the broker confirmed the batch, so a crash re-sends (at least once, ordered per force) and loses nothing.
/// Consumers recognise a re-sent item by its message id, the timeline entry id.
/// </summary>
public sealed partial class IntelligenceExchange(
    IServiceScopeFactory scopes, IOptions<MessagingOptions> messaging, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider time, ILogger<IntelligenceExchange> logger) : BackgroundService
{
    public const string ExchangePrefix = "public-protection.intelligence.";
    private const string Relay = "intelligence-exchange";
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(500), time);
        IConnection? connection = null;
        try
        {
            do
            {
                try
                {
                    connection ??= await ConnectAsync(stoppingToken);
                    while (await RelayBatchAsync(connection, stoppingToken) == Batch) { }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogRelayFailed(e.GetType().Name);
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
            }
            while (await poll.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private async Task<int> RelayBatchAsync(IConnection connection, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseRecordDbContext>();
        var position = await db.RelayPositions.SingleOrDefaultAsync(r => r.Relay == Relay, ct);
        if (position is null) db.RelayPositions.Add(position = new RelayPosition { Relay = Relay });
        // The exclusive lock holds back every new timeline writer while it is wanted: not taken when nothing new has committed.
        if (await db.Timeline.MaxAsync(e => (long?)e.Id, ct) is not { } newest || newest <= position.LastEntryId) return 0;
        var settled = await db.SettledUpToAsync(ct);
        var items = await db.ForForce(force: null, position.LastEntryId, settled).Take(Batch).ToListAsync(ct);
        if (items.Count == 0) return 0;

        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var declared = new HashSet<string>();
        foreach (var item in items)
        {
            var exchange = ExchangePrefix + item.AdditionalInformation.PoliceForce;
            if (declared.Add(exchange)) await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, cancellationToken: ct);
            var properties = new BasicProperties
            {
                ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent, MessageId = $"pph-timeline-{item.AdditionalInformation.EntryId}",
                Type = item.EventType,
            };
            await channel.BasicPublishAsync(exchange, item.EventType, mandatory: false, properties,
                JsonSerializer.SerializeToUtf8Bytes(item, json.Value.SerializerOptions), ct);
        }

        position.LastEntryId = items[^1].AdditionalInformation.EntryId;
        position.ChangedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return items.Count;
    }

    private Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        var m = messaging.Value;
        return new ConnectionFactory
        {
            HostName = m.Host, Port = m.Port, VirtualHost = m.VirtualHost, UserName = m.Username, Password = m.Password,
            ClientProvidedName = "case-record intelligence exchange",
        }.CreateConnectionAsync(ct);
    }

    [LoggerMessage(LogLevel.Warning, "Relaying the intelligence feed to RabbitMQ failed ({ErrorType}); it resumes from its last confirmed position")]
    private partial void LogRelayFailed(string errorType);
}

/// <summary>How far a relay of the timeline has got.</summary>
public sealed class RelayPosition
{
    public required string Relay { get; set; }
    public long LastEntryId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
