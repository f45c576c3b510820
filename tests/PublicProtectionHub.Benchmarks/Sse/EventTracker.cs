using System.Collections.Concurrent;
using System.Diagnostics;
using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Sse;

/// <summary>
/// The benchmark's events in flight, keyed by what identifies each in its inbox item (by default the summary its
/// timeline entry carries, unique per event), and their arrivals on the recipients' streams. An event is delivered when
/// every expected recipient has it.
/// </summary>
internal sealed class EventTracker(Func<Delivery, string?>? keyOf = null)
{
    private readonly Func<Delivery, string?> _keyOf = keyOf ?? (d => d.Summary);

    public sealed class Sent(string summary, IReadOnlyList<string> recipients)
    {
        public string Summary { get; } = summary;
        public IReadOnlyList<string> Recipients { get; } = recipients;
        public long SentAt { get; set; }
        public long AnsweredAt { get; set; }
        public bool PostFailed { get; set; }
        public ConcurrentDictionary<string, long> Arrivals { get; } = new();

        private int _arrived;

        public bool Delivered => Arrivals.Count == Recipients.Count;

        /// <summary>
        /// Records a recipient's first arrival; true for exactly one call, the one that completes the set. (Two streams'
        /// last arrivals landing together would both see the set complete: the event would be settled twice, and the
        /// round would stop waiting while its last event was still on its way.)
        /// </summary>
        public bool ArrivedAt(string userName, long at) =>
            Arrivals.TryAdd(userName, at) && Interlocked.Increment(ref _arrived) == Recipients.Count;

        /// <summary>From just before the POST to the arrival on the slowest recipient's stream.</summary>
        public double WorstMs => Stopwatch.GetElapsedTime(SentAt, Arrivals.Values.Max()).TotalMilliseconds;

        public long LastArrival => Arrivals.Values.Max();

        /// <summary>From just before the POST to its answer.</summary>
        public double PostMs => Stopwatch.GetElapsedTime(SentAt, AnsweredAt).TotalMilliseconds;
    }

    private readonly ConcurrentDictionary<string, Sent> _bySummary = new();
    // Counting and the "all delivered" signal change together under one lock: with them apart, an Expect could keep a
    // signal a delivery was about to complete, and the round's last events would be counted lost while still on their way.
    private readonly Lock _gate = new();
    private int _outstanding;
    private int _strays;
    private TaskCompletionSource _allDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Deliveries to someone the event was not meant for: must stay 0.</summary>
    public int Strays => _strays;

    /// <summary>
    /// Sends <paramref name="count"/> events open loop at <paramref name="rate"/> per second, each expected on its recipients'
    /// streams under its key, then waits until all have arrived or <paramref name="deadline"/> has passed. A post that
    /// answers false or throws is a failed request, not a lost event.
    /// </summary>
    public async Task<IReadOnlyList<Sent>> SendAndAwaitAsync(
        int count, int rate, TimeSpan deadline, Func<int, (string Key, IReadOnlyList<string> Recipients, Func<Task<bool>> Post)> next)
    {
        var sent = new Sent[count];
        await OpenLoop.RunAsync(count, rate, (i, _) =>
        {
            var (key, recipients, post) = next(i);
            var s = sent[i] = Expect(key, recipients);
            return Task.Run(async () =>
            {
                s.SentAt = Stopwatch.GetTimestamp();
                bool posted;
                try
                {
                    posted = await post();
                    s.AnsweredAt = Stopwatch.GetTimestamp();
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    posted = false;
                }

                if (!posted) Abandon(s);
            });
        });
        await WaitAllDeliveredAsync(deadline);
        return sent;
    }

    public Sent Expect(string summary, IReadOnlyList<string> recipients)
    {
        var sent = new Sent(summary, recipients);
        if (!_bySummary.TryAdd(summary, sent)) throw new InvalidOperationException($"Two events with the summary '{summary}'.");
        lock (_gate)
            if (_outstanding++ == 0) _allDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return sent;
    }

    /// <summary>An event whose POST failed: it is not waited for (and counted as a failed request, not as lost).</summary>
    public void Abandon(Sent sent)
    {
        sent.PostFailed = true;
        Settled();
    }

    /// <summary>Called on each stream's reading task for every item it receives.</summary>
    public void OnDelivery(Delivery d)
    {
        if (_keyOf(d) is not { } key || !_bySummary.TryGetValue(key, out var sent)) return; // not a benchmark event of this run
        if (!sent.Recipients.Contains(d.UserName))
        {
            Interlocked.Increment(ref _strays);
            return;
        }

        if (sent.ArrivedAt(d.UserName, d.ArrivedAt)) Settled();
    }

    private void Settled()
    {
        lock (_gate)
            if (--_outstanding == 0) _allDelivered.TrySetResult();
    }

    /// <summary>
    /// Completes when every event expected so far has reached all its recipients, or after <paramref name="limit"/>.
    /// Call it once every event has been expected.
    /// </summary>
    public async Task WaitAllDeliveredAsync(TimeSpan limit)
    {
        Task all;
        lock (_gate)
        {
            if (_outstanding == 0) return;
            all = _allDelivered.Task;
        }

        try
        {
            await all.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            // whatever has not arrived by now is counted as lost
        }
    }
}
