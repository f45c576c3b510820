using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.Messaging.TestService;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Backbone;

/// <summary>A fresh database and virtual host per test, and a host wired like a service.</summary>
public abstract class BackboneFixture : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<IHost> _hosts = [];

    protected TestServers Servers { get; private set; } = null!;
    protected string Database { get; private set; } = null!;
    protected string VirtualHost { get; private set; } = null!;
    protected IHost Host { get; private set; } = null!;
    protected virtual bool HostConsumes => true;

    public async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        Database = await Servers.CreateDatabaseAsync("backbone");
        VirtualHost = await Servers.CreateVirtualHostAsync("backbone");
        await using (var db = NewContext())
            await db.Database.EnsureCreatedAsync(); // a throwaway database
        Host = await StartHostAsync(HostConsumes);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await Servers.DeleteVirtualHostAsync(VirtualHost);
        NpgsqlConnection.ClearAllPools();
    }

    protected Dictionary<string, string?> Settings => Servers.ServiceSettings(Database, VirtualHost);

    protected async Task<IHost> StartHostAsync(bool consume)
    {
        var host = BackboneHost.CreateBuilder(Settings, consume).Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    protected async Task StopHostAsync(IHost host)
    {
        await host.StopAsync();
        _hosts.Remove(host);
        host.Dispose();
    }

    protected BackboneDbContext NewContext() =>
        new(new DbContextOptionsBuilder<BackboneDbContext>().UseNpgsql(Database).Options);

    /// <summary>Commits a change and its event in one transaction, as a service's handler would.</summary>
    protected static async Task<(Guid ChangeId, Guid MessageId)> CommitChangeAsync(
        IHost host, string stream, int position, bool poison = false)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackboneDbContext>();
        var change = new Change { Id = Guid.NewGuid(), StreamId = stream, Position = position };
        db.Changes.Add(change);
        var messageId = db.AddOutboxMessage(new ChangeRecorded(change.Id, stream, position, poison, DateTimeOffset.UtcNow), stream);
        await db.SaveChangesAsync();
        return (change.Id, messageId);
    }

    protected async Task<int> EffectsAsync(Guid changeId)
    {
        await using var db = NewContext();
        return await db.Effects.CountAsync(e => e.ChangeId == changeId);
    }

    protected async Task<int> AllEffectsAsync()
    {
        await using var db = NewContext();
        return await db.Effects.CountAsync();
    }

    protected async Task<int> PendingOutboxAsync()
    {
        await using var db = NewContext();
        return await db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null);
    }

    protected Task AwaitEffectAsync(Guid changeId) =>
        Eventually.Until(() => EffectsAsync(changeId), n => n >= 1, Patience, $"the effect of change {changeId}");

    protected static string ConsumerQueue => new KebabCaseEndpointNameFormatter(BackboneHost.ServiceName, false)
        .Consumer<ChangeRecordedConsumer>();
}
