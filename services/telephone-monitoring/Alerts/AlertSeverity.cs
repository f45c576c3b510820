namespace PublicProtectionHub.TelephoneMonitoring.Alerts;

/// <summary>A connected call is worse than an attempt, and a child contact restriction worse than any other.</summary>
public static class AlertSeverity
{
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static string Of(bool childContact, bool connected) => (childContact, connected) switch
    {
        (true, true) => Critical,
        (true, false) or (false, true) => High,
        _ => Medium,
    };
}
