namespace PublicProtectionHub.Contracts.Mappa;

/// <summary>A MAPPA nominal's category or management level changed.</summary>
public sealed record MappaLevelChanged(
    PersonReference Person,
    int Category,
    int Level,
    string MappaArea,
    DateOnly? NextReviewDate,
    DateTimeOffset OccurredAt,
    Classification Classification);
