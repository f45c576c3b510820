using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Demo;

/// <summary>Every item that arrived on the demo's streams, printed as it arrives and labelled with the step it is about.</summary>
internal sealed class DeliveryLog(IReadOnlyList<DemoStep> steps)
{
    private readonly Lock _gate = new();
    private readonly List<(Delivery Delivery, DemoStep? Step)> _all = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public void Add(Delivery d)
    {
        var step = steps.FirstOrDefault(s => s.IsAbout(d));
        lock (_gate)
        {
            _all.Add((d, step));
            var high = d.Priority == "high" ? "HIGH  " : "normal";
            var summary = d.Summary.Length > 90 ? d.Summary[..89] + "…" : d.Summary;
            Console.WriteLine($"  [{d.ArrivedLocal:HH:mm:ss.fff}] {d.UserName,-13} ← {high} {d.InformationClass,-17} {d.NomsNumber}: {summary}");
        }

        _arrived.Release();
    }

    public IReadOnlyList<Delivery> Of(DemoStep step)
    {
        lock (_gate) return [.. _all.Where(a => a.Step == step).Select(a => a.Delivery)];
    }

    public IReadOnlyList<Delivery> All()
    {
        lock (_gate) return [.. _all.Select(a => a.Delivery)];
    }

    /// <summary>
    /// Waits until the step's deliveries have settled: at least one arrived and then none for <paramref name="quiet"/>,
    /// or nothing at all by <paramref name="limit"/>. Returns how many arrived.
    /// </summary>
    public async Task<int> SettledAsync(DemoStep step, TimeSpan quiet, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var seen = Of(step).Count;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return seen;
            var woken = await _arrived.WaitAsync(seen == 0 ? left : quiet < left ? quiet : left);
            var now = Of(step).Count;
            if (!woken && seen > 0) return now; // quiet for a whole interval after the first arrival
            seen = now;
        }
    }
}
