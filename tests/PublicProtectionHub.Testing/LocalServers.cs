using System.Diagnostics;

namespace PublicProtectionHub.Testing;

/// <summary>The test servers <c>./hub test</c> started, described by its <c>PPH_TEST_*</c> variables.</summary>
public sealed class LocalServers : TestServers
{
    private readonly Uri _rabbit;
    private readonly string _rabbitCtl;

    private LocalServers(string postgres, Uri rabbit, string rabbitCtl)
    {
        PostgresAdmin = postgres;
        _rabbit = rabbit;
        _rabbitCtl = rabbitCtl;
        var credentials = Uri.UnescapeDataString(rabbit.UserInfo).Split(':', 2);
        RabbitUser = credentials[0];
        RabbitPassword = credentials.Length > 1 ? credentials[1] : "";
    }

    public override string PostgresAdmin { get; }
    public override string RabbitHost => _rabbit.Host;
    public override int RabbitPort => _rabbit.Port;
    public override string RabbitUser { get; }
    public override string RabbitPassword { get; }
    public override string Description => $"local servers (PostgreSQL and RabbitMQ on {RabbitHost})";

    /// <param name="prefix"><c>PPH_TEST</c> for <c>./hub test</c>, <c>PPH_BENCH</c> for <c>./hub bench</c>.</param>
    public static LocalServers FromEnvironment(string prefix = "PPH_TEST")
    {
        string Required(string name) => Environment.GetEnvironmentVariable($"{prefix}_{name}") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{prefix}_{name} is not set and no Docker engine answers. Run through ./hub, which starts the servers.");

        return new LocalServers(Required("POSTGRES"), new Uri(Required("RABBITMQ")), Required("RABBITMQCTL"));
    }

    public override async Task<string> RabbitCtlAsync(params string[] args)
    {
        var start = new ProcessStartInfo(_rabbitCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {args[0]} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
