using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.Messaging.Inbox;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.Messaging.TestService;
using PublicProtectionHub.Testing;
using RabbitMQ.Client;

namespace PublicProtectionHub.IntegrationTests.Backbone;

public sealed class InboxTests : BackboneFixture
{
    // The host in this class only publishes: the consumers are the processes each test starts.
    protected override bool HostConsumes => false;

    [Fact]
    public async Task A_consumer_killed_after_its_effect_but_before_the_ack_applies_the_message_once()
    {
        Guid change;
        Guid messageId;
        int victimPid;
        await using (var doomed = ConsumerProcess.Start(Settings, killAfterCommit: true))
        {
            await Eventually.Until(() => doomed.WroteAsync("consumer ready"), ok => ok, Patience, "the first consumer to start");
            (change, messageId) = await CommitChangeAsync(Host, "F4567EF", 1);
            await doomed.WaitForExitAsync(Patience);
            victimPid = doomed.Id;
            Assert.Contains(doomed.Lines, l => l.Contains($"killing myself after committing {messageId}", StringComparison.Ordinal));
        }

        Assert.Equal(1, await EffectsAsync(change));

        await using var survivor = ConsumerProcess.Start(Settings, killAfterCommit: false);
        await Eventually.Until(
            () => survivor.WroteAsync($"Message {messageId} was already applied"), ok => ok, Patience,
            "the redelivered message to reach the second consumer");

        await using var db = NewContext();
        var effects = await db.Effects.Where(e => e.ChangeId == change).ToListAsync();
        var effect = Assert.Single(effects);
        Assert.Equal(victimPid, effect.ProcessId);
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_and_later_messages_keep_flowing()
    {
        await using var consumer = ConsumerProcess.Start(Settings, killAfterCommit: false);
        await Eventually.Until(() => consumer.WroteAsync("consumer ready"), ok => ok, Patience, "the consumer to start");

        var (_, poisonMessage) = await CommitChangeAsync(Host, "G5678FG", 1, poison: true);
        var later = new List<Guid>();
        for (var position = 2; position <= 4; position++)
            later.Add((await CommitChangeAsync(Host, "G5678FG", position)).ChangeId);

        foreach (var change in later) await AwaitEffectAsync(change);

        var faulted = await Eventually.Until(
            () => ErrorQueueMessageIdsAsync(), ids => ids.Count > 0, Patience, "the poison message in the error queue");
        Assert.Equal([poisonMessage], faulted);
    }

    [Fact]
    public async Task Sent_outbox_rows_and_inbox_records_are_removed_only_after_their_windows()
    {
        // The janitor also cleans up once as the host starts; stop that run first, or on a busy machine it can come after
        // the rows below are written and remove them before the call this test counts.
        var janitor = Host.Services.GetServices<IHostedService>().OfType<MessageStoreJanitor<BackboneDbContext>>().Single();
        await janitor.StopAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await using (var db = NewContext())
        {
            db.Set<OutboxMessage>().AddRange(
                SentRow(now - TimeSpan.FromDays(8)),
                SentRow(now - TimeSpan.FromDays(6)),
                new OutboxMessage { MessageId = Guid.NewGuid(), StreamId = "old-but-unsent", MessageType = "x", Body = "{}", CreatedAt = now - TimeSpan.FromDays(30), NextAttemptAt = now.AddYears(1) });
            db.Set<InboxMessage>().AddRange(
                new InboxMessage { Consumer = "c", MessageId = Guid.NewGuid(), ReceivedAt = now - TimeSpan.FromDays(15) },
                new InboxMessage { Consumer = "c", MessageId = Guid.NewGuid(), ReceivedAt = now - TimeSpan.FromDays(13) });
            await db.SaveChangesAsync();
        }

        var (outbox, inbox) = await janitor.CleanUpAsync(CancellationToken.None);

        Assert.Equal((1, 1), (outbox, inbox));
        await using var check = NewContext();
        Assert.Equal(2, await check.Set<OutboxMessage>().CountAsync());
        Assert.Equal(1, await check.Set<InboxMessage>().CountAsync());
    }

    [Fact]
    public async Task An_inbox_window_shorter_than_14_days_is_refused_at_start()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Messaging:Inbox:Retention"] = "13.00:00:00" };
        using var host = BackboneHost.CreateBuilder(settings, consume: false).Build();
        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static OutboxMessage SentRow(DateTimeOffset sentAt) => new()
    {
        MessageId = Guid.NewGuid(), StreamId = "s", MessageType = "x", Body = "{}", CreatedAt = sentAt, DispatchedAt = sentAt,
    };

    private async Task<List<Guid>> ErrorQueueMessageIdsAsync()
    {
        var factory = new ConnectionFactory
        {
            HostName = Servers.RabbitHost, Port = Servers.RabbitPort, VirtualHost = VirtualHost,
            UserName = Servers.RabbitUser, Password = Servers.RabbitPassword,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<Guid>();
        while (await channel.BasicGetAsync($"{ConsumerQueue}_error", autoAck: false) is { } result)
        {
            using var json = System.Text.Json.JsonDocument.Parse(result.Body);
            ids.Add(json.RootElement.GetProperty("messageId").GetGuid());
        }

        return ids; // not acknowledged: closing the channel puts them back
    }
}
