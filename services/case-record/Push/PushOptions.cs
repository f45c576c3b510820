namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>Configuration section <c>Push</c>.</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>How long a high-priority item may stay unacknowledged before the duty officer is told.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often overdue items are looked for.</summary>
    public TimeSpan EscalationSweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A comment line on an idle stream, so proxies keep it open and a dead client is noticed.</summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
