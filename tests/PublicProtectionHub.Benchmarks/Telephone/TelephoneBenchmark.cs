using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Npgsql;
using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Telephone;

/// <summary>
/// Telephone monitoring through the gateway as the PIN phone provider: call records posted in batches of 500 open loop at a
/// fixed rate (records/s stored, per-batch p50/p99) against a watchlist of 100,000 hashes, then the screening endpoint
/// open loop at a fixed rate (p50/p99, and how many were refused by a rate limit).
/// </summary>
internal static class TelephoneBenchmark
{
    private const string Provider = "pin-phone-provider";
    private const int WatchlistSize = 100_000;
    private const int BatchSize = 500;
    private const int People = 10_000;

    public sealed record Options(int Seconds, int CallsRate, int ScreeningRate, int ScreeningSeconds);

    public static async Task<int> RunAsync(Options options)
    {
        var gateway = new Uri(Environment.GetEnvironmentVariable("HUB_GATEWAY_URL") ?? "http://127.0.0.1:5080");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = Provider, ClientSecret = DemoFile.Load().ClientSecret(Provider), Scope = "telephone-monitoring",
        });
        if (token.IsError)
        {
            Console.WriteLine($"Skipped: no token for {Provider} from {gateway} ({token.Error}). Start the hub with ./hub up.");
            return 1;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var held = await SeedWatchlistAsync();
        Console.WriteLine($"Telephone monitoring through the gateway {gateway}: {Environment.ProcessorCount} cores, watchlist {held} hashes over {People} people.");
        await CallRecordsAsync(http, options);
        Console.WriteLine();
        await ScreeningAsync(http, options);
        return 0;
    }

    /// <summary>
    /// Open loop: a batch is sent every 500/rate seconds whether or not earlier ones have been answered, so a slow answer
    /// cannot hold back the load; a batch's latency counts from when it was due.
    /// </summary>
    private static async Task CallRecordsAsync(HttpClient http, Options options)
    {
        var warmup = await CallRecordsAtRateAsync(http, options.CallsRate, Math.Min(5, options.Seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Call records warm-up, {Math.Min(5, options.Seconds)} s (not counted): {warmup}"));
        Console.WriteLine($"Call records: {await CallRecordsAtRateAsync(http, options.CallsRate, options.Seconds, verdict: true)}");
    }

    private static async Task<string> CallRecordsAtRateAsync(HttpClient http, int callsRate, int seconds, bool verdict = false)
    {
        var count = (int)((long)callsRate * seconds / BatchSize);
        var latencies = new double[count];
        var ok = new bool[count];
        var run = Guid.NewGuid().ToString("N")[..8];
        var started = Stopwatch.GetTimestamp();
        await OpenLoop.RunAsync(count, callsRate / (double)BatchSize, (n, due) => Task.Run(async () =>
        {
            var body = Batch(run, (long)n * BatchSize);
            try
            {
                using var response = await http.PostAsync("/api/telephone-monitoring/call-records", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
                await response.Content.ReadAsByteArrayAsync();
                ok[n] = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException) { }
            latencies[n] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var delivered = latencies.Where((_, i) => ok[i]).ToArray();
        var failures = count - delivered.Length;
        if (delivered.Length == 0) return $"every batch failed ({failures}).";

        var p = Percentiles.Of(delivered);
        var rate = delivered.Length * (double)BatchSize / elapsed;
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"open loop at {callsRate} records/s in batches of {BatchSize} (NDJSON) for {seconds} s: " +
            $"{rate:0} records/s stored over {elapsed:0.0} s; per batch p50 {p.P50:0.0} ms, p99 {p.P99:0.0} ms, max {p.Max:0.0} ms; " +
            $"{delivered.Length} batches, {failures} failed.");
        if (!verdict) return figures;
        var met = callsRate >= 10_000 && rate >= 0.99 * callsRate && failures == 0 && p.P99 <= 250 && seconds >= 60;
        return figures + Environment.NewLine + $"Target: >= 10,000 records/s for 60 s with p99 <= 250 ms per batch: {(met ? "met" : "NOT met")} here.";
    }

    /// <summary>Open loop after a 3 s warm-up at the same rate (not counted), as the call records have.</summary>
    private static async Task ScreeningAsync(HttpClient http, Options options)
    {
        var warmupSeconds = Math.Min(3, options.ScreeningSeconds);
        var warmup = await ScreenAtRateAsync(http, options.ScreeningRate, warmupSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Screening warm-up, {warmupSeconds} s (not counted): p50 {warmup.Latency.P50:0.00} ms, p99 {warmup.Latency.P99:0.00} ms."));
        var (p, refused, failed) = await ScreenAtRateAsync(http, options.ScreeningRate, options.ScreeningSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Screening: open loop at {options.ScreeningRate}/s for {options.ScreeningSeconds} s: p50 {p.P50:0.00} ms, p99 {p.P99:0.00} ms, " +
            $"max {p.Max:0.0} ms; {refused} refused (429: the gateway's per-caller and the service's per-client limits), {failed} failed."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target: p99 <= 5 ms at 1,000 requests/s: {(p.P99 <= 5 && options.ScreeningRate >= 1000 && refused == 0 ? "met" : "NOT met")} here."));
    }

    private static async Task<(Percentiles Latency, int Refused, int Failed)> ScreenAtRateAsync(HttpClient http, int rate, int seconds)
    {
        var count = rate * seconds;
        var latencies = new double[count];
        var refused = 0;
        var failed = 0;
        await OpenLoop.RunAsync(count, rate, (n, _) => Task.Run(async () =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync($"/api/telephone-monitoring/screening?noms={Noms(n % People)}&number=%2B447700900{n % 1000:000}");
                await response.Content.ReadAsByteArrayAsync();
                latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.Increment(ref refused);
                else if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
            }
            catch (HttpRequestException) { Interlocked.Increment(ref failed); }
        }));
        return (Percentiles.Of(latencies.Where(l => l > 0).ToArray()), refused, failed);
    }

    /// <summary>NDJSON of 500 calls by the bench's people to numbers mostly not watched (and each call id new).</summary>
    private static string Batch(string run, long first)
    {
        var lines = new StringBuilder(BatchSize * 200);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        for (var i = first; i < first + BatchSize; i++)
            lines.Append(CultureInfo.InvariantCulture, $$"""{"callId":"bench-{{run}}-{{i}}","nomsNumber":"{{Noms((int)(i % People))}}","prisonId":"EXI","dialledNumber":"+447700900{{i % 1000:000}}","startedAt":"{{now}}","durationSeconds":42,"outcome":"connected"}""").Append('\n');
        return lines.ToString();
    }

    private static string Noms(int i) => $"B{i % 10000:0000}ZZ";

    /// <summary>100,000 random hashes spread over the bench's people, written straight to the service's database once.</summary>
    private static async Task<long> SeedWatchlistAsync()
    {
        var admin = Environment.GetEnvironmentVariable("PPH_BENCH_POSTGRES")
                    ?? throw new InvalidOperationException("PPH_BENCH_POSTGRES is not set: run through ./hub bench.");
        await using var db = new NpgsqlConnection(admin + ";Database=pph_telephone_monitoring");
        await db.OpenAsync();
        await using var seed = new NpgsqlCommand($"""
            INSERT INTO watchlist.watched_numbers ("PersonKey", "Hash", "KeyVersion", "OrderReference", "ChildContact", "ActiveFrom")
            SELECT 'B' || lpad((g % {People})::text, 4, '0') || 'ZZ', md5(g::text || random()::text) || md5(random()::text), 1, 'BENCH', false, now() - interval '1 day'
            FROM generate_series(1, {WatchlistSize} - (SELECT count(*) FROM watchlist.watched_numbers WHERE "OrderReference" = 'BENCH')) AS g
            """, db);
        seed.CommandTimeout = 300;
        await seed.ExecuteNonQueryAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM watchlist.watched_numbers", db);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
