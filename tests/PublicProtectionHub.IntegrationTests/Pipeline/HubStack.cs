using System.Net;
using System.Net.Sockets;
using Npgsql;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// The whole system as a user meets it: every service and the gateway running as processes on
/// real PostgreSQL and RabbitMQ, each with its own database, seeded from the demo data file the
/// way <c>./hub up</c> does, and the HMPPS stand-in case-record fetches events' detail from.
/// Shared by the tests of the "pipeline" collection.
/// </summary>
public sealed class HubStack : IAsyncLifetime
{
    public static readonly IReadOnlyList<(string Name, string Folder, string Assembly)> Services =
    [
        ("identity", "services/identity", "PublicProtectionHub.Identity"),
        ("risk-of-harm", "services/risk-of-harm", "PublicProtectionHub.RiskOfHarm"),
        ("mappa", "services/mappa", "PublicProtectionHub.Mappa"),
        ("victim-contact", "services/victim-contact", "PublicProtectionHub.VictimContact"),
        ("telephone-monitoring", "services/telephone-monitoring", "PublicProtectionHub.TelephoneMonitoring"),
        ("case-record", "services/case-record", "PublicProtectionHub.CaseRecord"),
    ];

    public const string HmppsDetailClient = "case-record-hmpps";

    /// <summary>The phone-number hashing key victim contact and telephone monitoring share in this stack (key version 1).</summary>
    public string PhoneHashKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The key victim-contact encrypts victims' personal details with in this stack (key version 1).</summary>
    public string VictimEncryptionKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>How often victim-contact's jobs (overdue sweep, order expiry, key rotation, retention) run in this stack.</summary>
    public static readonly TimeSpan VictimContactJobInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long victim-contact keeps victims' details after a case closes, in this stack: seconds, so erasure can be seen.</summary>
    public static readonly TimeSpan VictimRetentionAfterClosure = TimeSpan.FromSeconds(3);

    // Seven processes starting at once on two cores that may be busy with a build: minutes, not seconds.
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(300);
    private readonly List<ServiceProcess> _processes = [];
    private ServiceProcess? _standIn;
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    public TestServers Servers { get; private set; } = null!;
    public Uri Gateway { get; private set; } = null!;

    /// <summary>The HMPPS stand-in: not a hub service, so outside <see cref="Direct"/> and the authorization matrix.</summary>
    public Uri HmppsStandIn { get; private set; } = null!;
    public Dictionary<string, Uri> Direct { get; } = [];
    public Dictionary<string, string> Databases { get; } = [];
    public string VirtualHost { get; private set; } = null!;
    public string StateDir { get; } = Directory.CreateTempSubdirectory("pph-stack-").FullName;
    public DemoData Demo { get; } = DemoData.Load(Repository.DemoData);
    public Tokens Tokens { get; private set; } = null!;
    public SigningKeys SigningKeys { get; private set; } = null!;
    public IEnumerable<string> AllOutput => _processes.SelectMany(p => p.Output.Select(line => $"[{p.Name}] {line}"));

    public async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        VirtualHost = await Servers.CreateVirtualHostAsync("stack");
        Gateway = new Uri($"http://127.0.0.1:{FreePort()}");
        HmppsStandIn = new Uri($"http://127.0.0.1:{FreePort()}");
        foreach (var service in Services)
        {
            Direct[service.Name] = new Uri($"http://127.0.0.1:{FreePort()}");
            Databases[service.Name] = await Servers.CreateDatabaseAsync(service.Name.Replace("-", "_"));
        }

        await Task.WhenAll(Services.Select(MigrateAsync));
        SigningKeys = SigningKeys.CreateIn(StateDir);
        foreach (var service in Services)
            _processes.Add(ServiceProcess.Start(service.Name, Repository.ServiceDll(service.Folder, service.Assembly), Environment(service.Name)));
        await StartHmppsStandInAsync();
        foreach (var (name, uri) in Direct)
            await Eventually.Until(() => IsReadyAsync(uri), ok => ok, StartPatience, $"{name} to report ready");

        // Started last, as ./hub up does, so its first health probes find every service ready.
        _processes.Add(ServiceProcess.Start("gateway", Repository.ServiceDll("gateway", "PublicProtectionHub.Gateway"), GatewayEnvironment()));
        await Eventually.Until(() => IsReadyAsync(Gateway), ok => ok, StartPatience, "the gateway to report ready");
        await Eventually.Until(() => AnswersAsync(new Uri(Gateway, "/.well-known/openid-configuration")), ok => ok, StartPatience,
            "the gateway to proxy to identity");

        // Case-record registers the demo people and publishes their responsibilities; wait until every service holds them.
        foreach (var service in Services.Where(s => s.Name != "identity"))
            await Eventually.Until(() => ResponsibilitiesHeldAsync(service.Name), n => n >= Demo.People.Count, StartPatience,
                $"{service.Name} to hold the demo people's responsibilities");

        Tokens = new Tokens(Gateway, Demo);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync();
        if (_standIn is not null) await _standIn.DisposeAsync();
        _probe.Dispose();
        Tokens?.Dispose();
        SigningKeys?.Dispose();
        await Servers.DeleteVirtualHostAsync(VirtualHost);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// Another gateway in front of the same services (same public issuer URL), with settings of its
    /// own, e.g. low rate limits; stopped when the returned process is disposed.
    /// </summary>
    public async Task<(Uri Url, ServiceProcess Process)> StartGatewayAsync(IDictionary<string, string?> settings)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var env = GatewayEnvironment();
        env["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        foreach (var (key, value) in settings) env[key] = value;
        var process = ServiceProcess.Start("gateway-2", Repository.ServiceDll("gateway", "PublicProtectionHub.Gateway"), env);
        _processes.Add(process);
        await Eventually.Until(() => IsReadyAsync(url), ok => ok, StartPatience, "the second gateway to report ready");
        return (url, process);
    }

    /// <summary>
    /// (Re)starts the HMPPS stand-in on its port, with settings of its own (e.g. another
    /// <c>HmppsStandIn:Audience</c>), and waits until it is ready.
    /// </summary>
    public async Task StartHmppsStandInAsync(IDictionary<string, string?>? settings = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = HmppsStandIn.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Hub__GatewayUrl"] = Gateway.ToString().TrimEnd('/'),
            ["Services__identity"] = Direct["identity"].ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) env[key] = value;
        _standIn = ServiceProcess.Start("hmpps-stand-in", Repository.ServiceDll("tests/PublicProtectionHub.HmppsStandIn", "PublicProtectionHub.HmppsStandIn"), env);
        await Eventually.Until(() => IsReadyAsync(HmppsStandIn), ok => ok, StartPatience, "the HMPPS stand-in to report ready");
    }

    /// <summary>Stops the HMPPS stand-in: nothing answers on its port until it is started again.</summary>
    public async Task StopHmppsStandInAsync()
    {
        if (_standIn is not null) await _standIn.DisposeAsync();
        _standIn = null;
    }

    /// <summary>
    /// Another instance of a service on the same database and broker, as after a restart; stopped when
    /// the returned process is disposed. <paramref name="settings"/> are added to (or replace) its environment,
    /// e.g. another phone hashing key; <paramref name="url"/> receives where it listens.
    /// </summary>
    public async Task<ServiceProcess> StartServiceAsync(string name, IDictionary<string, string?>? settings = null, Action<Uri>? url = null)
    {
        var listen = new Uri($"http://127.0.0.1:{FreePort()}");
        var env = Environment(name);
        env["ASPNETCORE_URLS"] = listen.ToString().TrimEnd('/');
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) env[key] = value;
        url?.Invoke(listen);
        var service = Services.Single(s => s.Name == name);
        var process = ServiceProcess.Start($"{name}-2", Repository.ServiceDll(service.Folder, service.Assembly), env);
        _processes.Add(process);
        await Eventually.Until(() => IsReadyAsync(listen), ok => ok, StartPatience, $"the second {name} to report ready");
        return process;
    }

    /// <summary>
    /// Stops a service and starts it again on the same port, database and broker with settings changed (a null value
    /// removes a setting), as an operator would after changing its configuration; waits until it is ready.
    /// </summary>
    public async Task RestartServiceAsync(string name, IDictionary<string, string?>? changes = null)
    {
        var running = _processes.Single(p => p.Name == name);
        await running.DisposeAsync();
        _processes.Remove(running);
        var env = Environment(name);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
            if (value is null) env.Remove(key);
            else env[key] = value;
        var service = Services.Single(s => s.Name == name);
        _processes.Add(ServiceProcess.Start(name, Repository.ServiceDll(service.Folder, service.Assembly), env));
        await Eventually.Until(() => IsReadyAsync(Direct[name]), ok => ok, StartPatience, $"{name} to report ready after a restart");
        // The gateway's health probes took it out of rotation while it was down: wait until it routes to it again. The
        // probe carries a token, so the gateway's own 401 for an anonymous caller is not taken for the service's answer.
        var token = await Tokens.ForUserAsync("auditor");
        await Eventually.Until(() => GatewayStatusAsync($"/api/{name}/audit/entries?limit=1", token), status => status == HttpStatusCode.OK,
            StartPatience, $"the gateway to route to {name} again");
    }

    private async Task<HttpStatusCode> GatewayStatusAsync(string path, string token)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Gateway, path));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await _probe.SendAsync(request);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>The output (log lines) of one running service.</summary>
    public IEnumerable<string> OutputOf(string name) => _processes.Where(p => p.Name == name).SelectMany(p => p.Output);

    public HttpClient NewClient(Uri? baseAddress = null) => new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress ?? Gateway,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private Dictionary<string, string?> Environment(string name)
    {
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = Direct[name].ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Hub__StateDir"] = StateDir,
            ["Hub__GatewayUrl"] = Gateway.ToString().TrimEnd('/'),
            ["Demo__DataFile"] = Repository.DemoData,
            ["Messaging__QueueType"] = "Quorum",
        };
        foreach (var (key, value) in Servers.ServiceSettings(Databases[name], VirtualHost)) env[key.Replace(":", "__")] = value;
        foreach (var (service, uri) in Direct) env[$"Services__{service}"] = uri.ToString().TrimEnd('/');
        if (name == "case-record")
        {
            env["HmppsEvents__Detail__TokenEndpoint"] = new Uri(Direct["identity"], "/connect/token").ToString();
            env["HmppsEvents__Detail__ClientId"] = HmppsDetailClient;
            env["HmppsEvents__Detail__ClientSecret"] = Demo.Client(HmppsDetailClient).ClientSecret;
            env["HmppsEvents__Detail__Scope"] = "hmpps-apis";
            env["HmppsEvents__Detail__AllowedOrigins__0"] = HmppsStandIn.ToString().TrimEnd('/');
        }

        if (name is "victim-contact" or "telephone-monitoring")
        {
            env["PhoneHashing__Keys__1"] = PhoneHashKey;
            env["PhoneHashing__CurrentKeyVersion"] = "1";
        }

        // Its review-due and retention sweeps run often enough for the tests to await them.
        if (name == "telephone-monitoring") env["TelephoneMonitoring__SweepEvery"] = "00:00:01";
        if (name == "victim-contact")
        {
            env["VictimContact__Encryption__Keys__1"] = VictimEncryptionKey;
            env["VictimContact__Encryption__CurrentKeyVersion"] = "1";
            env["VictimContact__Jobs__Interval"] = VictimContactJobInterval.ToString("c");
            env["VictimContact__Retention__AfterClosure"] = VictimRetentionAfterClosure.ToString("c");
        }

        return env;
    }

    private Dictionary<string, string?> GatewayEnvironment()
    {
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = Gateway.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Hub__GatewayUrl"] = Gateway.ToString().TrimEnd('/'),
            // The matrix sends a few hundred requests per caller in seconds; the limits themselves are tested apart.
            ["Gateway__RateLimit__PermitsPerSecond"] = "10000",
            ["Gateway__RateLimit__Burst"] = "10000",
            ["Gateway__RateLimit__SignIn__PermitsPerSecond"] = "10000",
            ["Gateway__RateLimit__SignIn__Burst"] = "10000",
        };
        foreach (var (service, uri) in Direct) env[$"Services__{service}"] = uri.ToString().TrimEnd('/');
        return env;
    }

    private async Task MigrateAsync((string Name, string Folder, string Assembly) service)
    {
        await using var migrate = ServiceProcess.Start($"{service.Name}-migrate", Repository.ServiceDll(service.Folder, service.Assembly), Environment(service.Name), "--migrate");
        var exit = await migrate.WaitForExitAsync(StartPatience);
        if (exit != 0)
            throw new InvalidOperationException($"{service.Name} --migrate exited {exit}:\n{string.Join('\n', migrate.Output.TakeLast(30))}");
    }

    private Task<bool> IsReadyAsync(Uri service) => AnswersAsync(new Uri(service, "/health/ready"));

    private async Task<bool> AnswersAsync(Uri url)
    {
        try
        {
            using var response = await _probe.GetAsync(url);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> in a service's own database (default when there is none).</summary>
    public async Task<T?> ScalarAsync<T>(string service, string sql)
    {
        await using var db = new NpgsqlConnection(Databases[service]);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    private async Task<long> ResponsibilitiesHeldAsync(string service) =>
        await ScalarAsync<long>(service, "SELECT count(*) FROM access.responsibilities");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<HubStack>
{
    public const string Name = "pipeline";
}
