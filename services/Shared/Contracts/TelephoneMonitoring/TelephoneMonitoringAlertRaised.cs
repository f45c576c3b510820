namespace PublicProtectionHub.Contracts.TelephoneMonitoring;

/// <summary>A prisoner called, or tried to call, a number on the watchlist.</summary>
[SensitiveContract]
public sealed record TelephoneMonitoringAlertRaised(
    Guid AlertId,
    PersonReference Person,
    string EstablishmentCode,
    string? OrderReference,
    bool Connected,
    int CallCount,
    string Severity,
    string Summary,
    DateTimeOffset OccurredAt,
    Classification Classification);
