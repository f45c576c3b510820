namespace PublicProtectionHub.Testing;

/// <summary>Awaits a condition with a deadline: the tests' only way of waiting for something to happen.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        T last;
        do
        {
            last = await probe();
            if (done(last)) return last;
        }
        while (await WaitAsync(tick, deadline.Token));

        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}; last seen: {last}");
    }

    private static async Task<bool> WaitAsync(PeriodicTimer tick, CancellationToken deadline)
    {
        try { return await tick.WaitForNextTickAsync(deadline); }
        catch (OperationCanceledException) { return false; }
    }
}
