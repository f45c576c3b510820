using System.Diagnostics;
using System.Globalization;
using System.Net;
using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Sse;

internal sealed record SseOptions(int Rate, int Seconds, int Rounds, int Prisons, int Burst);

/// <summary>
/// End to end push latency: from just before the HTTP request that creates an event (an HMPPS
/// <c>probation-case.registration.added</c> with a register code of its own, posted through the gateway as
/// <c>hmpps-events</c>) to the item's arrival on the open inbox stream of the slowest of its five recipients,
/// with five practitioners per bench prison each holding one stream through the gateway (500 for 100 prisons).
/// Open loop: events go out on a fixed schedule whether or not earlier ones arrived. An event not on all its
/// recipients' streams within <see cref="Deadline"/> of the round's last send is lost.
/// </summary>
internal static class SseLatency
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static EventTracker _current = new();
    private static int _sequence;

    public static async Task<int> RunAsync(SseOptions o)
    {
        var gateway = Gateway.FromEnvironment();
        Console.WriteLine("SSE push latency (ms): POST of an HMPPS event via the gateway -> item on the slowest of its 5 recipients' open inbox streams (via the gateway)");
        if (await gateway.NotReadyAsync() is { } reason)
        {
            Console.WriteLine($"Skipped: the gateway at {gateway.Address} is not ready ({reason}). Start the hub with ./hub up.");
            return 1;
        }

        var demo = DemoFile.Load();
        var people = BenchPopulation.People(o.Prisons);
        var users = people.SelectMany(p => p.Recipients).ToList();
        Console.WriteLine("Preparing (not measured):");
        await BenchPopulation.PrepareAsync(gateway, demo, await HmppsEvents.SignInAsync(gateway, demo), people);
        var streams = await OpenStreamsAsync(gateway, users);
        try
        {
            var hmpps = await HmppsEvents.SignInAsync(gateway, demo); // a fresh token: they last 10 minutes
            Console.WriteLine();
            Console.WriteLine($"Conditions: {Environment.ProcessorCount} cores, load average {LoadAverage()} at the start; {streams.Count} open SSE connections " +
                              $"through the gateway (HTTP/1.1, one per practitioner); {people.Count} bench people with 5 entitled recipients each; " +
                              $"open loop at {o.Rate} events/s, {o.Seconds} s per round, {o.Rounds} rounds after a {Math.Min(5, o.Seconds)} s warm-up; " +
                              $"events spread over the people in turn; lost = not on every recipient's stream {Deadline.TotalSeconds:0} s after the round's last send. " +
                              "Benchmark client, gateway, services, PostgreSQL and RabbitMQ share the machine.");
            Console.WriteLine();

            var warmup = await RoundAsync(hmpps, people, o.Rate, o.Rate * Math.Min(5, o.Seconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Warm-up round (not counted): {warmup.Latency?.Count ?? 0} delivered, p50 {warmup.Latency?.P50:0.00}, p99 {warmup.Latency?.P99:0.00}, lost {warmup.Lost}"));
            Console.WriteLine();
            Console.WriteLine("| round | events |   p50 |   p90 |   p99 |    max | lost | failed POSTs | strays | POST answered p50 / p99 |");
            Console.WriteLine("|------:|-------:|------:|------:|------:|-------:|-----:|-------------:|-------:|------------------------:|");
            var rounds = new List<Round>();
            for (var r = 1; r <= o.Rounds; r++)
            {
                var round = await RoundAsync(hmpps, people, o.Rate, o.Rate * o.Seconds);
                rounds.Add(round);
                Row(r.ToString(CultureInfo.InvariantCulture), round);
            }

            var measured = rounds.Where(r => r.Latency is not null).Select(r => r.Latency!).ToList();
            if (measured.Count > 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| median of rounds | | {Percentiles.Median(measured.Select(p => p.P50)),5:0.00} | {Percentiles.Median(measured.Select(p => p.P90)),5:0.00} | " +
                    $"{Percentiles.Median(measured.Select(p => p.P99)),5:0.00} | {Percentiles.Median(measured.Select(p => p.Max)),6:0.0} | {rounds.Sum(r => r.Lost),4} (total) | | |"));

            Console.WriteLine();
            Console.WriteLine($"Burst: {o.Burst} events sent open loop over 1 s ({o.Burst} events/s), then waited for.");
            var burst = await RoundAsync(hmpps, people, o.Burst, o.Burst);
            Console.WriteLine();
            Console.WriteLine("| burst | events |   p50 |   p90 |   p99 |    max | lost | failed POSTs | strays | POST answered p50 / p99 | all delivered after (from first send) |");
            Console.WriteLine("|------:|-------:|------:|------:|------:|-------:|-----:|-------------:|-------:|------------------------:|--------------------------------------:|");
            Row("burst", burst, burst.AllDeliveredMs is { } all ? string.Create(CultureInfo.InvariantCulture, $"{all:0} ms") : "not all delivered");

            var failedStreams = streams.Where(s => s.Failure is not null).ToList();
            Console.WriteLine();
            Console.WriteLine($"Streams that failed during the run: {failedStreams.Count}{(failedStreams.Count > 0 ? $" (first: {failedStreams[0].UserName}: {failedStreams[0].Failure})" : "")}; " +
                              $"load average at the end {LoadAverage()}.");
            Verdict(rounds, burst, o);
            return 0;
        }
        finally
        {
            await Parallel.ForEachAsync(streams, async (s, _) => await s.DisposeAsync());
        }
    }

    private sealed record Round(int Events, Percentiles? Latency, int Lost, int FailedPosts, int Strays, double? AllDeliveredMs, Percentiles? Post);

    /// <summary>Sends <paramref name="count"/> events at <paramref name="rate"/> per second and waits for them.</summary>
    private static async Task<Round> RoundAsync(HmppsEvents hmpps, IReadOnlyList<BenchPerson> people, int rate, int count)
    {
        var tracker = new EventTracker();
        _current = tracker;
        var sent = await tracker.SendAndAwaitAsync(count, rate, Deadline, _ =>
        {
            var n = Interlocked.Increment(ref _sequence);
            var person = people[n % people.Count];
            // A register code of its own per event (bounded per person across runs: ~events/people codes each),
            // so each is applied, never taken for a replay or superseded, and its summary names it.
            var code = $"S{n:000000000}";
            var envelope = HmppsEvents.Envelope("probation-case.registration.added", new { registerTypeCode = code },
                [("NOMS", person.NomsNumber)], DateTimeOffset.UtcNow);
            return ($"Risk registration {code} added.", person.Recipients, async () =>
            {
                await hmpps.PostAsync(envelope);
                return true;
            });
        });
        var delivered = sent.Where(s => !s.PostFailed && s.Delivered).ToList();
        var failed = sent.Count(s => s.PostFailed);
        var lost = sent.Count(s => !s.PostFailed && !s.Delivered);
        foreach (var missing in sent.Where(s => !s.PostFailed && !s.Delivered).Take(5))
            Console.WriteLine($"  lost: '{missing.Summary}', not on the streams of {string.Join(", ", missing.Recipients.Except(missing.Arrivals.Keys))}");
        double? all = lost == 0 && failed == 0 && delivered.Count > 0
            ? Stopwatch.GetElapsedTime(sent.Min(s => s.SentAt), delivered.Max(s => s.LastArrival)).TotalMilliseconds
            : null;
        return new Round(count, delivered.Count > 0 ? Percentiles.Of([.. delivered.Select(s => s.WorstMs)]) : null, lost, failed, tracker.Strays, all,
            delivered.Count > 0 ? Percentiles.Of([.. delivered.Select(s => s.PostMs)]) : null);
    }

    private static async Task<List<InboxStream>> OpenStreamsAsync(Gateway gateway, IReadOnlyList<string> users)
    {
        var started = Stopwatch.GetTimestamp();
        var tokens = new Dictionary<string, string>();
        var signedIn = 0;
        Console.Write($"  signing in {users.Count} practitioners through the login page:");
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (user, _) =>
        {
            var token = await SignIn.UserTokenAsync(gateway, user, BenchPopulation.Password);
            lock (tokens) tokens[user] = token;
            if (Interlocked.Increment(ref signedIn) % 50 == 0) Console.Write($" {signedIn}");
        });
        Console.WriteLine($" ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");

        started = Stopwatch.GetTimestamp();
        var streams = new List<InboxStream>();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, _) =>
        {
            var stream = await InboxStream.OpenAsync(gateway, user, tokens[user], d => Volatile.Read(ref _current).OnDelivery(d));
            lock (streams) streams.Add(stream);
        });
        Console.WriteLine($"  opened {streams.Count} inbox streams ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
        return streams;
    }

    private static void Row(string name, Round r, string? extra = null)
    {
        var p = r.Latency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name,5} | {r.Events,6} | {p?.P50,5:0.00} | {p?.P90,5:0.00} | {p?.P99,5:0.00} | {p?.Max,6:0.0} | {r.Lost,4} | {r.FailedPosts,12} | {r.Strays,6} | {r.Post?.P50,10:0.00} / {r.Post?.P99,10:0.00} |{(extra is null ? "" : $" {extra,37} |")}"));
    }

    private static void Verdict(IReadOnlyList<Round> rounds, Round burst, SseOptions o)
    {
        var measured = rounds.Where(r => r.Latency is not null).Select(r => r.Latency!).ToList();
        var p50 = measured.Count > 0 ? Percentiles.Median(measured.Select(p => p.P50)) : double.NaN;
        var p99 = measured.Count > 0 ? Percentiles.Median(measured.Select(p => p.P99)) : double.NaN;
        var lost = rounds.Sum(r => r.Lost + r.FailedPosts) + burst.Lost + burst.FailedPosts;
        string Met(bool ok) => ok ? "met" : "NOT met";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Targets at 20 events/s: p50 <= 10 ms {Met(p50 <= 10)} ({p50:0.00} at {o.Rate}/s); p99 <= 50 ms {Met(p99 <= 50)} ({p99:0.00}); " +
            $"0 lost {Met(lost == 0)} ({lost} lost or failed); burst of 200 in 1 s delivered within 2 s " +
            $"{Met(burst.AllDeliveredMs is <= 2000 && o.Burst >= 200)} ({(burst.AllDeliveredMs is { } b ? $"{b:0} ms" : "not all delivered")} for {o.Burst})."));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
