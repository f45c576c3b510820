using System.Globalization;
using PublicProtectionHub.Benchmarks;
using PublicProtectionHub.Benchmarks.Demo;
using PublicProtectionHub.Benchmarks.Sse;
using PublicProtectionHub.Benchmarks.Telephone;
using PublicProtectionHub.Testing;

// ./hub bench [outbox|gateway|sse|telephone|alerts|all] [--rate N] [--count N] [--rounds N] [--warmup N]
//             [--gateway-rate N] [--gateway-seconds N] [--gateway-warmup N]
//             [--sse-rate N] [--sse-seconds N] [--sse-rounds N] [--sse-prisons N] [--sse-burst N]
//             [--calls-seconds N] [--calls-rate N] [--screening-rate N] [--screening-seconds N]
//             [--alert-rate N] [--alert-seconds N] [--alert-rounds N]: benchmarks against the real local servers.
// ./hub demo runs this program with "demo": the scripted scenario through the gateway (Demo/DemoScenario.cs).
var selected = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
if (selected is "demo")
{
    try
    {
        return await DemoScenario.RunAsync();
    }
    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException)
    {
        Console.Error.WriteLine($"demo: stopped: {e.Message} (is every service up? ./hub status)");
        return 1;
    }
}
// ./hub up runs this program with "load-victim-contact": the demo victim contact cases, through victim-contact's API.
if (selected is "load-victim-contact")
{
    try
    {
        return await VictimContactDemoLoader.RunAsync();
    }
    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or InvalidDataException)
    {
        Console.Error.WriteLine($"load-victim-contact: stopped: {e.Message}");
        return 1;
    }
}

if (selected is not ("outbox" or "gateway" or "sse" or "telephone" or "alerts" or "all"))
{
    Console.Error.WriteLine($"Unknown benchmark '{selected}': outbox, gateway, sse, telephone, alerts or all.");
    return 2;
}

if (selected is "telephone")
    return await TelephoneBenchmark.RunAsync(new TelephoneBenchmark.Options(
        Seconds: Option("--calls-seconds", 60), CallsRate: Option("--calls-rate", 10_000),
        ScreeningRate: Option("--screening-rate", 1000), ScreeningSeconds: Option("--screening-seconds", 20)));

if (selected is "alerts")
    return await AlertLatency.RunAsync(new AlertLatency.Options(
        Rate: Option("--alert-rate", 20), Seconds: Option("--alert-seconds", 30), Rounds: Option("--alert-rounds", 3)));

if (selected is "outbox" or "all")
    await RunOutboxAsync();
if (selected is "all")
    Console.WriteLine();
if (selected is "gateway" or "all")
    await GatewayLatency.RunAsync(Option("--gateway-rate", 500), Option("--gateway-seconds", 20), Option("--gateway-warmup", 3));
if (selected is "all")
    Console.WriteLine();
if (selected is "sse" or "all")
    return await SseLatency.RunAsync(new SseOptions(
        Rate: Option("--sse-rate", 20), Seconds: Option("--sse-seconds", 30), Rounds: Option("--sse-rounds", 3),
        Prisons: Option("--sse-prisons", 100), Burst: Option("--sse-burst", 200)));
return 0;

async Task RunOutboxAsync()
{
    var rate = Option("--rate", 50);
    var count = Option("--count", 1000);
    var rounds = Option("--rounds", 3);
    var warmup = Option("--warmup", 100);

    var servers = LocalServers.FromEnvironment("PPH_BENCH");
    Console.WriteLine("Outbox commit-to-consume latency (ms): SaveChanges returned -> consumer handler running");
    Console.WriteLine($"Conditions: {Environment.ProcessorCount} cores, open loop at {rate} changes/s, {count} measured + {warmup} warm-up per round, " +
                      "quorum queue (1 replica), publisher confirms on, one consumer at a time, PostgreSQL and RabbitMQ on loopback");
    Console.WriteLine();

    // The benchmark process's own first round runs on freshly jitted code and stalls for hundreds of
    // milliseconds at a time; it is run and shown, but not counted.
    var first = await OutboxLatency.RunRoundAsync(servers, rate, count / 2, warmup);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Warm-up round (not counted): {first.Count} samples, p50 {first.P50:0.00}, p99 {first.P99:0.00}, max {first.Max:0.0}"));
    Console.WriteLine();
    Console.WriteLine("| round | samples |   p50 |   p90 |   p99 |   max |");
    Console.WriteLine("|------:|--------:|------:|------:|------:|------:|");
    var results = new List<Percentiles>();
    for (var round = 1; round <= rounds; round++)
    {
        var r = await OutboxLatency.RunRoundAsync(servers, rate, count, warmup);
        results.Add(r);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {round,5} | {r.Count,7} | {r.P50,5:0.00} | {r.P90,5:0.00} | {r.P99,5:0.00} | {r.Max,5:0.0} |"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| median of rounds | | {Percentiles.Median(results.Select(r => r.P50)),5:0.00} | {Percentiles.Median(results.Select(r => r.P90)),5:0.00} | {Percentiles.Median(results.Select(r => r.P99)),5:0.00} | {Percentiles.Median(results.Select(r => r.Max)),5:0.0} |"));
    Console.WriteLine();
    Console.WriteLine("Target: p99 under 20 ms.");
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
