using Microsoft.Extensions.Options;
using PublicProtectionHub.Audit;

namespace PublicProtectionHub.CaseRecord.Push.Escalation;

/// <summary>Runs <see cref="EscalationSweep"/> every <see cref="PushOptions.EscalationSweepInterval"/> of the injected clock.</summary>
public sealed partial class EscalationService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<PushOptions> options, ILogger<EscalationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EscalationSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sweep = scope.ServiceProvider.GetRequiredService<EscalationSweep>();
                while (await sweep.RunOnceAsync(stoppingToken) > 0)
                {
                    // a full batch may leave more overdue items: sweep again at once
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e.GetType().Name, e is AuditUnavailableException);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "The escalation sweep failed ({ErrorType}, audit unavailable: {AuditUnavailable}); it runs again at the next tick")]
    private partial void LogSweepFailed(string errorType, bool auditUnavailable);
}
