using System.Net.Sockets;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace PublicProtectionHub.Testing;

/// <summary>PostgreSQL (with PostGIS) and RabbitMQ in containers, for machines with a Docker engine.</summary>
internal sealed class ContainerServers(PostgreSqlContainer postgres, RabbitMqContainer rabbit) : TestServers
{
    private const string User = "hub-admin";
    private const string Password = "test-only-password";

    public override string PostgresAdmin => postgres.GetConnectionString();
    public override string RabbitHost => rabbit.Hostname;
    public override int RabbitPort => rabbit.GetMappedPublicPort(5672);
    public override string RabbitUser => User;
    public override string RabbitPassword => Password;
    public override string Description => "Testcontainers";

    public static async Task<bool> DockerAnswersAsync()
    {
        const string socket = "/var/run/docker.sock";
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 }) return true;
        if (!File.Exists(socket)) return false;
        try
        {
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(new UnixDomainSocketEndPoint(socket), timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public static async Task<TestServers> StartAsync()
    {
        var postgres = new PostgreSqlBuilder("postgis/postgis:15-3.4").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13").WithUsername(User).WithPassword(Password).Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        return new ContainerServers(postgres, rabbit);
    }

    public override async Task<string> RabbitCtlAsync(params string[] args)
    {
        var result = await rabbit.ExecAsync(["rabbitmqctl", "-q", .. args]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {args[0]} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }
}
