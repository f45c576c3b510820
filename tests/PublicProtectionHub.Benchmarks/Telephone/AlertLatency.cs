using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using PublicProtectionHub.Benchmarks.PublicApi;
using PublicProtectionHub.Benchmarks.Sse;
using PublicProtectionHub.PhoneNumbers;

namespace PublicProtectionHub.Benchmarks.Telephone;

/// <summary>
/// End to end telephone alert latency: from just before the PIN phone provider posts a connected call (through the
/// gateway) to a number an order forbids the demo prisoner, to the alert's arrival on the slowest of the open inbox
/// streams of the prisoner's victim liaison officer, offender manager and police officer (through the gateway).
/// Open loop at a fixed rate; every call is to a number of its own, so every call raises an alert of its own rather
/// than joining one. The numbers are put on the watchlist before the run, hashed with the hub's key
/// (<c>PPH_BENCH_PHONE_HASH_KEY</c>, which <c>./hub bench</c> sets), each under an order reference of its own that
/// the alert's summary names.
/// </summary>
internal static partial class AlertLatency
{
    public sealed record Options(int Rate, int Seconds, int Rounds);

    private const string Prisoner = "A1234BC";
    private static readonly string[] Recipients = ["vlo.devon", "om.plymouth", "police.devon"];

    // Told of the alerts too (not timed): their streams collect the bench's alerts for acknowledgement, since an alert is
    // high priority and one nobody acknowledges escalates to the duty officer 15 minutes later, thousands at once.
    private static readonly string[] AlsoTold = ["sec.exeter", "omu.exeter", "duty.exeter", "mappa.devon"];
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static EventTracker _current = new(OrderNamed);

    public static async Task<int> RunAsync(Options o)
    {
        var gateway = Gateway.FromEnvironment();
        Console.WriteLine($"Telephone alert latency (ms): POST of a matching call record via the gateway -> alert on the slowest of {string.Join(", ", Recipients)}'s open inbox streams (via the gateway)");
        if (await gateway.NotReadyAsync() is { } reason)
        {
            Console.WriteLine($"Skipped: the gateway at {gateway.Address} is not ready ({reason}). Start the hub with ./hub up.");
            return 1;
        }

        var demo = DemoFile.Load();
        var warmup = o.Rate * 5;
        // Call ids and order references are never reused (a reused call id is a resend: stored once, no alert). The numbers
        // have three digits for the run: the minute, repeating only after 1,000 minutes, long past the hour in which
        // calls to one number join one alert.
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var run = (stamp / 60 % 1000).ToString("000", CultureInfo.InvariantCulture);
        var calls = Enumerable.Range(0, warmup + o.Rate * o.Seconds * o.Rounds)
            .Select(i => new BenchCall($"+44792{run}{i:0000}", $"BENCH-ALERT-{stamp}-{i:0000}")).ToList();
        if (calls.Count > 10_000) throw new InvalidOperationException("At most 10,000 calls per run (numbers of their own).");
        await WatchAsync(calls);

        var streams = new List<InboxStream>();
        var tokens = new Dictionary<string, string>();
        var received = new System.Collections.Concurrent.ConcurrentBag<Delivery>();
        foreach (var user in Recipients.Concat(AlsoTold))
        {
            var timed = Recipients.Contains(user);
            tokens[user] = await SignIn.UserTokenAsync(gateway, user, demo.Password(user));
            streams.Add(await InboxStream.OpenAsync(gateway, user, tokens[user], d =>
            {
                if (OrderNamed(d) is not null) received.Add(d);
                if (timed) Volatile.Read(ref _current).OnDelivery(d);
            }));
        }

        try
        {
            using var provider = gateway.NewClient(TimeSpan.FromSeconds(30), await SignIn.ClientTokenAsync(
                gateway, "pin-phone-provider", demo.ClientSecret("pin-phone-provider"), "telephone-monitoring"));
            Console.WriteLine($"Conditions: {Environment.ProcessorCount} cores; {calls.Count} numbers watched for {Prisoner}; {streams.Count} open SSE connections (the alert is timed on {Recipients.Length}, " +
                              $"the others collect it to acknowledge afterwards); " +
                              $"open loop at {o.Rate} alerts/s, {o.Seconds} s per round, {o.Rounds} rounds after a 5 s warm-up; " +
                              $"lost = not on every stream {Deadline.TotalSeconds:0} s after the round's last call.");
            var next = 0;
            var first = await RoundAsync(provider, calls.GetRange(next, warmup), o.Rate);
            next += warmup;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Warm-up (not counted): p50 {first.Latency?.P50:0.00}, p99 {first.Latency?.P99:0.00}, lost {first.Lost}"));
            Console.WriteLine("| round | alerts |   p50 |   p90 |   p99 |    max | lost | failed POSTs |");
            Console.WriteLine("|------:|-------:|------:|------:|------:|-------:|-----:|-------------:|");
            var rounds = new List<Round>();
            for (var r = 1; r <= o.Rounds; r++)
            {
                var round = await RoundAsync(provider, calls.GetRange(next, o.Rate * o.Seconds), o.Rate);
                next += o.Rate * o.Seconds;
                rounds.Add(round);
                var p = round.Latency;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r,5} | {round.Alerts,6} | {p?.P50,5:0.00} | {p?.P90,5:0.00} | {p?.P99,5:0.00} | {p?.Max,6:0.0} | {round.Lost,4} | {round.FailedPosts,12} |"));
            }

            var measured = rounds.Where(r => r.Latency is not null).Select(r => r.Latency!).ToList();
            var p99 = measured.Count > 0 ? Percentiles.Median(measured.Select(p => p.P99)) : double.NaN;
            var lost = rounds.Sum(r => r.Lost + r.FailedPosts);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Target: p99 <= 50 ms at 20 alerts/s: {(p99 <= 50 && lost == 0 && o.Rate >= 20 ? "met" : "NOT met")} (median of rounds' p99 {p99:0.00} ms at {o.Rate}/s, {lost} lost or failed)."));
            return 0;
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync();
            await AcknowledgeAsync(gateway, tokens, received);
        }
    }

    /// <summary>The practitioners deal with the bench's alerts, so they do not escalate to duty officers afterwards.</summary>
    private static async Task AcknowledgeAsync(Gateway gateway, Dictionary<string, string> tokens, IEnumerable<Delivery> received)
    {
        var clients = tokens.ToDictionary(t => t.Key, t => gateway.NewClient(TimeSpan.FromSeconds(30), t.Value));
        var failed = 0;
        var items = received.ToList();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) =>
        {
            using var response = await clients[d.UserName].PostAsync($"/api/case-record/inbox/{d.Id}/acknowledge", null, ct);
            if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
        });
        foreach (var client in clients.Values) client.Dispose();
        Console.WriteLine($"Acknowledged the {items.Count - failed} bench alerts received ({failed} refused), so they do not escalate.");
    }

    private sealed record BenchCall(string Number, string OrderReference);

    private sealed record Round(int Alerts, Percentiles? Latency, int Lost, int FailedPosts);

    private static async Task<Round> RoundAsync(HttpClient provider, IReadOnlyList<BenchCall> calls, int rate)
    {
        var tracker = new EventTracker(OrderNamed);
        _current = tracker;
        var sent = await tracker.SendAndAwaitAsync(calls.Count, rate, Deadline, i =>
        {
            var call = calls[i];
            var body = $$"""{"callId":"alert-bench-{{call.OrderReference}}","nomsNumber":"{{Prisoner}}","prisonId":"EXI","dialledNumber":"{{call.Number}}","startedAt":"{{DateTimeOffset.UtcNow.AddSeconds(-1):yyyy-MM-dd'T'HH:mm:ss'Z'}}","durationSeconds":42,"outcome":"connected"}""";
            return (call.OrderReference, Recipients, async () =>
            {
                using var response = await provider.PostAsync("/api/telephone-monitoring/call-records",
                    new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
                return response.IsSuccessStatusCode;
            });
        });
        var delivered = sent.Where(s => !s.PostFailed && s.Delivered).ToList();
        return new Round(calls.Count, delivered.Count > 0 ? Percentiles.Of([.. delivered.Select(s => s.WorstMs)]) : null,
            sent.Count(s => !s.PostFailed && !s.Delivered), sent.Count(s => s.PostFailed));
    }

    /// <summary>The bench's numbers on the prisoner's watchlist, as an order's numbers are (written straight to the service's database).</summary>
    private static async Task WatchAsync(IReadOnlyList<BenchCall> calls)
    {
        var admin = Environment.GetEnvironmentVariable("PPH_BENCH_POSTGRES")
                    ?? throw new InvalidOperationException("PPH_BENCH_POSTGRES is not set: run through ./hub bench.");
        var key = Environment.GetEnvironmentVariable("PPH_BENCH_PHONE_HASH_KEY")
                  ?? throw new InvalidOperationException("PPH_BENCH_PHONE_HASH_KEY is not set: run through ./hub bench.");
        var hasher = new PhoneNumberHasher(new Dictionary<int, byte[]> { [1] = Convert.FromHexString(key) }, 1);
        var hashes = calls.Select(c => hasher.TryHash(c.Number) ?? throw new InvalidOperationException($"{c.Number} is not a valid number.")).ToList();

        await using var db = new NpgsqlConnection(admin + ";Database=pph_telephone_monitoring");
        await db.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO watchlist.watched_numbers ("PersonKey", "Hash", "KeyVersion", "OrderId", "OrderReference", "ChildContact", "ActiveFrom")
            SELECT @person, hash, version, gen_random_uuid(), reference, false, now() - interval '1 day'
            FROM unnest(@hashes, @versions, @references) AS w(hash, version, reference)
            """, db);
        insert.Parameters.AddWithValue("person", Prisoner);
        insert.Parameters.AddWithValue("hashes", hashes.Select(h => h.Hash).ToArray());
        insert.Parameters.AddWithValue("versions", hashes.Select(h => h.KeyVersion).ToArray());
        insert.Parameters.AddWithValue("references", calls.Select(c => c.OrderReference).ToArray());
        await insert.ExecuteNonQueryAsync();
    }

    private static string? OrderNamed(Delivery d) =>
        d.EventType == "telephone-alert.raised" && OrderReference().Match(d.Summary) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"prohibited by order (BENCH-ALERT-\d+-\d{4}) ")]
    private static partial Regex OrderReference();
}
