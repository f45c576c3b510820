using Npgsql;

namespace PublicProtectionHub.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the integration tests run against: Testcontainers where a
/// Docker engine answers, otherwise the local servers that <c>./hub test</c> started.
/// Each test gets its own database and its own RabbitMQ virtual host, so nothing leaks between tests.
/// </summary>
public abstract class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);

    public static Task<TestServers> GetAsync() => Shared.Value;

    /// <summary>Superuser connection to the <c>postgres</c> maintenance database.</summary>
    public abstract string PostgresAdmin { get; }

    public abstract string RabbitHost { get; }
    public abstract int RabbitPort { get; }
    public abstract string RabbitUser { get; }
    public abstract string RabbitPassword { get; }
    public abstract string Description { get; }

    /// <summary>Runs <c>rabbitmqctl</c> against the test broker node.</summary>
    public abstract Task<string> RabbitCtlAsync(params string[] args);

    /// <summary>Stops the broker application (all connections drop, the port closes) and starts it again.</summary>
    public Task StopBrokerAsync() => RabbitCtlAsync("stop_app");

    public async Task StartBrokerAsync()
    {
        await RabbitCtlAsync("start_app");
        await RabbitCtlAsync("await_startup");
    }

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name };
        await using (var db = new NpgsqlConnection(builder.ConnectionString))
        {
            await db.OpenAsync();
            await using var postgis = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", db);
            await postgis.ExecuteNonQueryAsync();
        }

        return builder.ConnectionString;
    }

    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var vhost = $"{prefix}-{Guid.NewGuid():N}";
        await RabbitCtlAsync("add_vhost", vhost);
        await RabbitCtlAsync("set_permissions", "-p", vhost, RabbitUser, ".*", ".*", ".*");
        return vhost;
    }

    public Task DeleteVirtualHostAsync(string vhost) => RabbitCtlAsync("delete_vhost", vhost);

    /// <summary>The settings a service reads, as configuration keys, for one database and virtual host.</summary>
    public Dictionary<string, string?> ServiceSettings(string database, string vhost) => new()
    {
        ["ConnectionStrings:Database"] = database,
        ["Messaging:Host"] = RabbitHost,
        ["Messaging:Port"] = RabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:VirtualHost"] = vhost,
        ["Messaging:Username"] = RabbitUser,
        ["Messaging:Password"] = RabbitPassword,
        ["Messaging:QueueType"] = "Quorum",
        ["Messaging:QuorumReplicas"] = "1",
    };

    private static async Task<TestServers> StartAsync()
    {
        var choice = Environment.GetEnvironmentVariable("PPH_TEST_SERVERS");
        if (choice != "local" && (choice == "containers" || await ContainerServers.DockerAnswersAsync()))
            return await ContainerServers.StartAsync();
        return LocalServers.FromEnvironment();
    }
}
