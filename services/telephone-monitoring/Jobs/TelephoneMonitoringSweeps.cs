using Microsoft.Extensions.Options;
using PublicProtectionHub.TelephoneMonitoring.Authorisations;
using PublicProtectionHub.TelephoneMonitoring.Calls;

namespace PublicProtectionHub.TelephoneMonitoring.Jobs;

/// <summary>Runs the review-due sweep and the call record retention every <see cref="TelephoneMonitoringOptions.SweepEvery"/>.</summary>
public sealed partial class TelephoneMonitoringSweeps(
    IServiceScopeFactory scopes, IOptions<TelephoneMonitoringOptions> options, ILogger<TelephoneMonitoringSweeps> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery);
        do
        {
            await RunAsync<ReviewDueSweep>((s, ct) => s.RunOnceAsync(ct), stoppingToken);
            await RunAsync<CallRecordRetention>((s, ct) => s.RunOnceAsync(ct), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync<TSweep>(Func<TSweep, CancellationToken, Task<int>> run, CancellationToken ct) where TSweep : notnull
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var done = await run(scope.ServiceProvider.GetRequiredService<TSweep>(), ct);
            if (done > 0) LogSwept(typeof(TSweep).Name, done);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(typeof(TSweep).Name, e.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Information, "{Sweep} handled {Count} item(s)")]
    private partial void LogSwept(string sweep, int count);

    [LoggerMessage(LogLevel.Error, "{Sweep} failed ({ErrorType}); it runs again at the next interval")]
    private partial void LogSweepFailed(string sweep, string errorType);
}
