using System.Diagnostics;

namespace PublicProtectionHub.Benchmarks;

/// <summary>An open-loop load generator: requests go out on a fixed schedule whether or not earlier ones were answered.</summary>
internal static class OpenLoop
{
    /// <summary>
    /// Calls <paramref name="start"/> with each index and its due time (a <see cref="Stopwatch"/> timestamp) at
    /// <paramref name="perSecond"/>, on absolute due times so a late start does not drift the rate, and returns once every
    /// started task has finished. <paramref name="start"/> must not block: it returns the request's task.
    /// </summary>
    public static async Task RunAsync(int count, double perSecond, Func<int, long, Task> start)
    {
        var tasks = new Task[count];
        var interval = Stopwatch.Frequency / perSecond;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = started + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            // Whole milliseconds, rounded up: Task.Delay truncates, and a request must not go out before it is due.
            if (wait > TimeSpan.Zero) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
            tasks[i] = start(i, due);
        }

        await Task.WhenAll(tasks);
    }
}
