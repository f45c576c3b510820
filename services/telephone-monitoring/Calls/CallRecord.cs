namespace PublicProtectionHub.TelephoneMonitoring.Calls;

/// <summary>
/// A call from a prison PIN phone as the provider reported it. The dialled number is held only as its keyed hash
/// under the key current when the record arrived; <see cref="CallId"/> is the provider's, so a resend is recognised.
/// </summary>
public sealed class CallRecord
{
    public required string CallId { get; set; }
    public required string NomsNumber { get; set; }
    public required string PrisonId { get; set; }
    public required string DialledHash { get; set; }
    public int KeyVersion { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int DurationSeconds { get; set; }
    public required string Outcome { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>A Rule 35A authorisation was in force when the call started, so its content may be monitored.</summary>
    public bool ContentMonitored { get; set; }
}

public static class CallOutcomes
{
    public const string Connected = "connected";
    public const string Unanswered = "unanswered";
    public const string Blocked = "blocked";

    public static readonly IReadOnlyList<string> All = [Connected, Unanswered, Blocked];
}
