using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.Messaging.TestService;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.Benchmarks;

/// <summary>
/// Commit-to-consume latency through the outbox: from <c>SaveChanges</c> returning (change and event
/// committed together) to the consumer's handler running, inside its inbox transaction, in another
/// bus endpoint. Open loop: commits start on a fixed schedule whether or not earlier ones arrived.
/// </summary>
internal static class OutboxLatency
{
    public static async Task<Percentiles> RunRoundAsync(TestServers servers, int rate, int count, int warmup)
    {
        var database = await servers.CreateDatabaseAsync("bench");
        var vhost = await servers.CreateVirtualHostAsync("bench");
        try
        {
            await using (var db = new BackboneDbContext(new DbContextOptionsBuilder<BackboneDbContext>().UseNpgsql(database).Options))
                await db.Database.EnsureCreatedAsync(); // a throwaway database

            var builder = BackboneHost.CreateBuilder(servers.ServiceSettings(database, vhost));
            builder.Logging.ClearProviders();
            using var host = builder.Build();
            await host.StartAsync();

            var arrived = new ConcurrentDictionary<Guid, long>();
            var committed = new ConcurrentDictionary<Guid, long>();
            ChangeRecordedConsumer.Consumed = change => arrived.TryAdd(change.ChangeId, Stopwatch.GetTimestamp());

            var total = warmup + count;
            await OpenLoop.RunAsync(total, rate, (position, _) => Task.Run(async () =>
            {
                var id = await CommitAsync(host, position);
                committed[id] = Stopwatch.GetTimestamp();
            }));

            await Eventually.Until(() => Task.FromResult(arrived.Count), n => n >= total, TimeSpan.FromMinutes(2), "every change to arrive");
            await host.StopAsync();
            ChangeRecordedConsumer.Consumed = null;

            var latencies = committed
                .OrderBy(c => c.Value).Skip(warmup)
                .Select(c => Stopwatch.GetElapsedTime(c.Value, arrived[c.Key]).TotalMilliseconds)
                .ToList();
            return Percentiles.Of(latencies);
        }
        finally
        {
            await servers.DeleteVirtualHostAsync(vhost);
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<Guid> CommitAsync(IHost host, int position)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackboneDbContext>();
        var change = new Change { Id = Guid.NewGuid(), StreamId = $"P{position % 50:0000}", Position = position };
        db.Changes.Add(change);
        db.AddOutboxMessage(new ChangeRecorded(change.Id, change.StreamId, position, false, DateTimeOffset.UtcNow), change.StreamId);
        await db.SaveChangesAsync();
        return change.Id;
    }
}
