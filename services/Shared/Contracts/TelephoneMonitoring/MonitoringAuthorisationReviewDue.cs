namespace PublicProtectionHub.Contracts.TelephoneMonitoring;

/// <summary>A Prison Rule 35A monitoring authorisation is due for review within seven days, or has ended unrenewed.</summary>
public sealed record MonitoringAuthorisationReviewDue(
    Guid AuthorisationId,
    PersonReference Person,
    string EstablishmentCode,
    DateOnly ReviewDue,
    DateTimeOffset EndsAt,
    DateTimeOffset OccurredAt,
    Classification Classification);
