namespace PublicProtectionHub.Messaging.Outbox;

/// <summary>Bound from <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Fallback poll when no commit wakes the dispatcher. Capped at one second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 200;

    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long sent rows are kept (for investigation) before the janitor deletes them.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a stand-by dispatcher tries to become the active one.</summary>
    public TimeSpan LeadershipRetry { get; set; } = TimeSpan.FromSeconds(2);

    internal TimeSpan EffectivePollInterval => PollInterval > TimeSpan.FromSeconds(1) || PollInterval <= TimeSpan.Zero
        ? TimeSpan.FromSeconds(1)
        : PollInterval;
}
