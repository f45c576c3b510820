namespace PublicProtectionHub.TelephoneMonitoring;

/// <summary>Settings under <c>TelephoneMonitoring</c>.</summary>
public sealed class TelephoneMonitoringOptions
{
    public const string Section = "TelephoneMonitoring";

    /// <summary>Calls by one person to one watched number within this long of the last one join its alert.</summary>
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Call records are erased this many months after the call started.</summary>
    public int CallRecordRetentionMonths { get; set; } = 3;

    /// <summary>How often the review-due and retention sweeps run.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Reviews due within this many days are pushed to the security department.</summary>
    public int ReviewDueWithinDays { get; set; } = 7;

    public ScreeningOptions Screening { get; set; } = new();
}

/// <summary>The screening endpoint's token bucket, per client.</summary>
public sealed class ScreeningOptions
{
    public int PermitsPerSecond { get; set; } = 2000;
    public int Burst { get; set; } = 2000;
}
