using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicProtectionHub.Messaging.Inbox;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.Messaging.TestService;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Backbone;

public sealed class OutboxTests : BackboneFixture
{
    [Fact]
    public async Task A_committed_change_is_published_exactly_once()
    {
        var (change, messageId) = await CommitChangeAsync(Host, "A1234BC", 1);
        await AwaitEffectAsync(change);

        // Anything published twice would be queued ahead of a later event on the same stream.
        var (sentinel, _) = await CommitChangeAsync(Host, "A1234BC", 2);
        await AwaitEffectAsync(sentinel);

        Assert.Equal(1, await EffectsAsync(change));
        await using var db = NewContext();
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId));
        var row = await db.Set<OutboxMessage>().SingleAsync(m => m.MessageId == messageId);
        Assert.NotNull(row.DispatchedAt);
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        Guid rolledBack;
        Guid rolledBackMessage;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BackboneDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var change = new Change { Id = Guid.NewGuid(), StreamId = "B2345CD", Position = 1 };
            rolledBack = change.Id;
            db.Changes.Add(change);
            rolledBackMessage = db.AddOutboxMessage(new ChangeRecorded(change.Id, "B2345CD", 1, false, DateTimeOffset.UtcNow), "B2345CD");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var (sentinel, _) = await CommitChangeAsync(Host, "B2345CD", 2);
        await AwaitEffectAsync(sentinel);

        Assert.Equal(0, await EffectsAsync(rolledBack));
        await using var check = NewContext();
        Assert.False(await check.Set<OutboxMessage>().AnyAsync(m => m.MessageId == rolledBackMessage));
        Assert.False(await check.Changes.AnyAsync(c => c.Id == rolledBack));
    }

    [Fact]
    public async Task A_stream_is_published_in_commit_order()
    {
        var changes = new List<Guid>();
        for (var position = 1; position <= 50; position++)
            changes.Add((await CommitChangeAsync(Host, $"C{position % 3}", position)).ChangeId);

        await Eventually.Until(AllEffectsAsync, n => n >= changes.Count, Patience, "all 50 effects");

        await using var db = NewContext();
        var effects = await db.Effects.OrderBy(e => e.Id).ToListAsync();
        foreach (var stream in effects.GroupBy(e => e.StreamId))
            Assert.Equal(stream.Select(e => e.Position).Order(), stream.Select(e => e.Position));
    }

    [Fact]
    public async Task Changes_committed_while_the_broker_is_down_are_all_delivered_once_it_returns()
    {
        const int count = 1000;
        var changes = new HashSet<Guid>();
        await Servers.StopBrokerAsync();
        try
        {
            for (var i = 0; i < count; i++)
                changes.Add((await CommitChangeAsync(Host, $"D{i % 20:000}", i)).ChangeId);

            Assert.Equal(count, await PendingOutboxAsync() + await DispatchedCountAsync());
        }
        finally
        {
            await Servers.StartBrokerAsync();
        }

        await Eventually.Until(AllEffectsAsync, n => n >= count, TimeSpan.FromMinutes(3), $"{count} effects after the broker returned");
        await Eventually.Until(PendingOutboxAsync, n => n == 0, Patience, "the outbox to drain");

        await using var db = NewContext();
        var effects = await db.Effects.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(count, effects.Count);
        Assert.True(changes.SetEquals(effects.Select(e => e.ChangeId)), "every committed change has exactly one effect");
        foreach (var stream in effects.GroupBy(e => e.StreamId))
            Assert.Equal(stream.Select(e => e.Position).Order(), stream.Select(e => e.Position));
    }

    [Fact]
    public async Task Only_one_dispatcher_runs_per_database_and_a_stand_by_takes_over()
    {
        var second = await StartHostAsync(consume: true);
        await Eventually.Until(DispatcherLocksAsync, n => n == 1, Patience, "one dispatcher to hold the lock");

        await StopHostAsync(Host);
        var (change, _) = await CommitChangeAsync(second, "E3456DE", 1);
        await AwaitEffectAsync(change);
        Assert.Equal(1, await DispatcherLocksAsync());
        Assert.Equal(1, await EffectsAsync(change));
    }

    private async Task<int> DispatchedCountAsync()
    {
        await using var db = NewContext();
        return await db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt != null);
    }

    private async Task<int> DispatcherLocksAsync()
    {
        await using var db = NewContext();
        return await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_locks l JOIN pg_database d ON d.oid = l.database " +
            "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()").SingleAsync();
    }
}
