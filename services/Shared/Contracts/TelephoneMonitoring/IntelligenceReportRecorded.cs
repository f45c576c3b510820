namespace PublicProtectionHub.Contracts.TelephoneMonitoring;

/// <summary>
/// A security analyst graded a call review on the 3x5x2 model. Only reports whose handling code allows
/// sharing are published; the police intelligence feed carries them.
/// </summary>
[SensitiveContract]
public sealed record IntelligenceReportRecorded(
    Guid ReportId,
    PersonReference Person,
    string EstablishmentCode,
    int SourceEvaluation,
    string IntelligenceAssessment,
    string HandlingCode,
    string? HandlingConditions,
    string Summary,
    DateTimeOffset OccurredAt,
    Classification Classification);
