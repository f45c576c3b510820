using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Jobs;

/// <summary>A job the service runs by itself on a schedule: each run in its own scope and transaction.</summary>
public interface IScheduledJob
{
    /// <summary>Advisory lock key: one instance runs a job at a time.</summary>
    long LockKey { get; }

    /// <returns>How many things it did.</returns>
    Task<int> RunOnceAsync(CancellationToken ct);
}

public sealed class JobOptions
{
    public const string Section = "VictimContact:Jobs";

    /// <summary>How often every job runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs every <see cref="IScheduledJob"/> each <see cref="JobOptions.Interval"/>; a failed run is logged and tried next time.</summary>
public sealed partial class ScheduledJobs(
    IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider time, ILogger<ScheduledJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int jobs;
            using (var probe = scopes.CreateScope()) jobs = probe.ServiceProvider.GetServices<IScheduledJob>().Count();
            for (var i = 0; i < jobs; i++)
            {
                var name = "job";
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<VictimContactDbContext>();
                    var job = scope.ServiceProvider.GetServices<IScheduledJob>().ElementAt(i);
                    name = job.GetType().Name;
                    await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
                    var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({job.LockKey}) AS \"Value\"")
                        .SingleAsync(stoppingToken);
                    if (!locked) continue;
                    var done = await job.RunOnceAsync(stoppingToken);
                    await transaction.CommitAsync(stoppingToken);
                    if (done > 0) LogRan(name, done);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    LogFailed(name, e.GetType().Name);
                }
            }

            try { await Task.Delay(options.Value.Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(LogLevel.Information, "{Job} handled {Count} item(s)")]
    private partial void LogRan(string job, int count);

    [LoggerMessage(LogLevel.Error, "{Job} failed ({ErrorType}); it runs again at the next interval")]
    private partial void LogFailed(string job, string errorType);
}
