using System.Collections.Concurrent;
using System.Diagnostics;

namespace PublicProtectionHub.IntegrationTests.Backbone;

/// <summary>The backbone consumer running as a process of its own, its output captured line by line.</summary>
internal sealed class ConsumerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ConsumerProcess(Process process) => _process = process;

    public IEnumerable<string> Lines => _lines;
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    public static ConsumerProcess Start(IDictionary<string, string?> settings, bool killAfterCommit)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Locate());
        if (killAfterCommit) start.ArgumentList.Add("--kill-after-commit");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        var process = new Process { StartInfo = start };
        var consumer = new ConsumerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) consumer._lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) consumer._lines.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return consumer;
    }

    public Task<bool> WroteAsync(string text) =>
        Task.FromResult(_lines.Any(l => l.Contains(text, StringComparison.Ordinal)));

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The test service's own build output, beside this test project's (same configuration).</summary>
    private static string Locate()
    {
        const string me = "PublicProtectionHub.IntegrationTests";
        const string service = "PublicProtectionHub.Messaging.TestService";
        var path = AppContext.BaseDirectory.Replace($"{Path.DirectorySeparatorChar}{me}{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}{service}{Path.DirectorySeparatorChar}");
        var dll = Path.Combine(path, $"{service}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the test service is missing.", dll);
    }
}
