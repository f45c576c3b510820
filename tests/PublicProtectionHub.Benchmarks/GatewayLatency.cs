using System.Diagnostics;
using System.Globalization;

namespace PublicProtectionHub.Benchmarks;

/// <summary>
/// The latency the gateway adds: <c>GET /.well-known/openid-configuration</c> (anonymous, proxied to
/// identity) through the gateway and straight to identity, in pairs issued back to back in
/// alternating order, so both sides of a pair see the same moment's conditions. Open loop: pairs
/// start on a fixed schedule whether or not earlier ones have answered.
/// </summary>
internal static class GatewayLatency
{
    private const string Path = "/.well-known/openid-configuration";

    public static async Task RunAsync(int rate, int seconds, int warmupSeconds)
    {
        var gateway = Target("HUB_GATEWAY_URL", "http://127.0.0.1:5080");
        var identity = Target("HUB_IDENTITY_URL", "http://127.0.0.1:5101");
        Console.WriteLine($"Gateway added latency (ms): GET {Path} via the gateway vs straight to identity");
        using var via = Client(gateway);
        using var direct = Client(identity);
        foreach (var (name, client) in new[] { ("gateway", via), ("identity", direct) })
        {
            if (await NotAnsweringAsync(client) is { } reason)
            {
                Console.WriteLine($"Skipped: the {name} at {client.BaseAddress} does not answer {Path} ({reason}). Start the hub with ./hub up.");
                return;
            }
        }

        await MeasureAsync(direct, via, rate, warmupSeconds * rate); // warm-up: connections, JIT, caches
        var run = await MeasureAsync(direct, via, rate, seconds * rate);

        var ok = Enumerable.Range(0, run.Direct.Length).Where(i => run.Direct[i] > 0 && run.Via[i] > 0).ToArray();
        if (ok.Length == 0)
        {
            Console.WriteLine($"Skipped: every request failed ({run.Errors} errors).");
            return;
        }

        var d = Percentiles.Of(ok.Select(i => run.Direct[i]).ToArray());
        var v = Percentiles.Of(ok.Select(i => run.Via[i]).ToArray());
        var ratio = Percentiles.Median(ok.Select(i => run.Via[i] / run.Direct[i]));
        var added = Percentiles.Median(ok.Select(i => run.Via[i] - run.Direct[i]));
        Console.WriteLine($"Conditions: {Environment.ProcessorCount} cores, open loop at {rate} pairs/s ({rate} requests/s through the gateway " +
                          $"and {rate} straight to identity), {seconds} s measured after {warmupSeconds} s warm-up, each pair back to back in " +
                          "alternating order, one HttpClient per target (SocketsHttpHandler, pooled, up to 64 connections), HTTP/1.1; " +
                          $"gateway {gateway}, identity {identity}; latency = send to last byte of the body");
        Console.WriteLine();
        Console.WriteLine("| target      | samples |   p50 |   p90 |   p99 |   max |");
        Console.WriteLine("|-------------|--------:|------:|------:|------:|------:|");
        Row("direct", d);
        Row("via gateway", v);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| added       |         | {v.P50 - d.P50,5:0.00} | {v.P90 - d.P90,5:0.00} | {v.P99 - d.P99,5:0.00} |       |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Median per-pair ratio via/direct: {ratio:0.00}; median per-pair difference: {added:0.00} ms; " +
            $"failed pairs: {run.Direct.Length - ok.Length} ({run.Errors} failed requests); latest pair start behind schedule: {run.MaxLagMs:0.0} ms."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target: added p99 <= 2 ms at 500 requests/s: {(v.P99 - d.P99 <= 2 ? "met" : "NOT met")} here ({v.P99 - d.P99:0.00} ms at {rate} requests/s)."));
    }

    private sealed record Run(double[] Direct, double[] Via, int Errors, double MaxLagMs);

    /// <summary>Issues <paramref name="pairs"/> pairs at <paramref name="rate"/> pairs/s; failed requests record 0.</summary>
    private static async Task<Run> MeasureAsync(HttpClient direct, HttpClient via, int rate, int pairs)
    {
        var directMs = new double[pairs];
        var viaMs = new double[pairs];
        var errors = 0;
        var maxLag = 0.0;
        await OpenLoop.RunAsync(pairs, rate, (pair, due) =>
        {
            maxLag = Math.Max(maxLag, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            return Task.Run(async () =>
            {
                var viaFirst = pair % 2 == 1;
                var first = await TimeAsync(viaFirst ? via : direct);
                var second = await TimeAsync(viaFirst ? direct : via);
                (viaMs[pair], directMs[pair]) = viaFirst ? (first, second) : (second, first);
                if (first <= 0) Interlocked.Increment(ref errors);
                if (second <= 0) Interlocked.Increment(ref errors);
            });
        });
        return new Run(directMs, viaMs, errors, maxLag);
    }

    /// <summary>Milliseconds from sending to reading the whole body; 0 if the request failed.</summary>
    private static async Task<double> TimeAsync(HttpClient client)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(Path, HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode ? Stopwatch.GetElapsedTime(start).TotalMilliseconds : 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    private static async Task<string?> NotAnsweringAsync(HttpClient client)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await client.GetAsync(Path, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    private static HttpClient Client(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static Uri Target(string variable, string fallback) =>
        new((Environment.GetEnvironmentVariable(variable) is { Length: > 0 } url ? url : fallback).TrimEnd('/') + "/");

    private static void Row(string name, Percentiles p) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name,-11} | {p.Count,7} | {p.P50,5:0.00} | {p.P90,5:0.00} | {p.P99,5:0.00} | {p.Max,5:0.0} |"));
}
